"""What the borgerbudget holds about one person (picked up by the account export).

The export says in which rounds the person voted and on which day, never what
nor whether or when they changed it: ballots
are secret, and a file that proves how someone voted could be demanded of them
(see docs/budgeting.md, "Ballot secrecy"). On account deletion the receipts go
(cascade) and the ballots stay, counted and anonymous; proposals, reviews and
progress updates stay as the municipality's record, without the person
(``SET_NULL``).
"""

from .models import BallotReceipt, BudgetRound, PabulibImport, Project, ProjectUpdate


def export_personal_data(user) -> dict:
    return {
        "voted_in": list(
            BallotReceipt.objects.filter(user=user).values(
                "round_id",
                "round__title",
                "municipality__slug",
                "voted_on",
            )
        ),
        "projects_proposed": list(
            Project.objects.filter(proposed_by=user).values(
                "id",
                "round_id",
                "municipality__slug",
                "title",
                "description",
                "cost",
                "area",
                "review_status",
                "created_at",
            )
        ),
        "projects_reviewed": list(
            Project.objects.filter(reviewed_by=user).values(
                "id", "title", "review_status", "review_note", "reviewed_at"
            )
        ),
        "progress_updates": list(
            ProjectUpdate.objects.filter(author=user).values(
                "project_id", "status", "text", "created_at"
            )
        ),
        "rounds_created": list(
            BudgetRound.objects.filter(created_by=user).values(
                "id", "municipality__slug", "title", "created_at"
            )
        ),
        "pabulib_imports": list(
            PabulibImport.objects.filter(created_by=user).values(
                "id", "municipality__slug", "file_name", "status", "created_at"
            )
        ),
    }
