// Knapsack ballots: show the running total of the chosen projects (the form
// works without this; the server checks the budget either way).
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector('.pb-ballot[data-kind="knapsack"]');
  if (!box) return;
  const status = box.querySelector(".pb-budget-status");
  const budget = Number(box.dataset.budget);
  const fmt = new Intl.NumberFormat("da-DK");
  const update = () => {
    let total = 0;
    box.querySelectorAll('input[name="projects"]:checked').forEach((el) => {
      total += Number(el.dataset.cost);
    });
    status.hidden = false;
    status.textContent = status.dataset.template
      .replace("{total}", fmt.format(total))
      .replace("{budget}", fmt.format(budget));
    status.classList.toggle("pb-over", total > budget);
  };
  box.addEventListener("change", update);
  update();
});
