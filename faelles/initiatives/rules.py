"""Who may do what with initiatives, trials and stories (django-rules).

The lifecycle's own rules (which role may move an initiative from which state to
which) live in ``lifecycle.py``; these predicates are its building blocks.
"""

import rules

from faelles.accounts.rules import (
    can_administer,
    can_moderate,
    is_employee,
    is_member,
    is_staff_member,
)
from faelles.core.visibility import is_staff_only, parents_visible


@rules.predicate
def is_proposer(user, initiative) -> bool:
    return bool(
        user.is_authenticated
        and initiative is not None
        and getattr(initiative, "proposer_id", None) == user.pk
    )


@rules.predicate
def is_facilitator(user, initiative) -> bool:
    if not user.is_authenticated or initiative is None:
        return False
    if getattr(initiative, "facilitator_id", None) == user.pk:
        return True
    prefetched = getattr(initiative, "_prefetched_objects_cache", {}).get("team")
    if prefetched is not None:
        return any(person.pk == user.pk for person in prefetched)
    team = getattr(initiative, "team", None)
    return bool(team is not None and team.filter(pk=user.pk).exists())


@rules.predicate
def is_published(user, story) -> bool:
    return story is not None and story.published_at is not None


@rules.predicate
def is_author(user, obj) -> bool:
    return bool(
        user.is_authenticated
        and obj is not None
        and getattr(obj, "author_id", None) == user.pk
    )


@rules.predicate
def is_story_subject_insider(user, subject) -> bool:
    """A host of the community, or one of the two sides of the collaboration."""
    if not user.is_authenticated or subject is None:
        return False
    label = subject._meta.label_lower
    if label == "communities.community":
        return subject.members.filter(user=user, is_host=True).exists()
    if label == "resources.collaboration":
        return user.pk in subject.participant_ids()
    return False


@rules.predicate
def is_open(user, initiative) -> bool:
    from .lifecycle import FINAL_STATES

    return getattr(initiative, "state", None) not in FINAL_STATES


# Facilitators are employees; a former employee who is still listed loses the right.
can_facilitate = is_staff_member | (is_facilitator & is_employee)

# An internal (staff-only) initiative, its trial and everything about it is for
# the municipality's staff only; politicians are not staff (docs/staff-only.md).
rules.add_perm("initiatives.view_initiative", ~is_staff_only | is_staff_member)
rules.add_perm("initiatives.make_staff_only", is_staff_member)
rules.add_perm("initiatives.open_to_citizens", is_staff_only & can_facilitate)
rules.add_perm("initiatives.propose", is_member)
rules.add_perm("initiatives.take_part", is_member)
rules.add_perm("initiatives.moderate_comment", can_moderate)
rules.add_perm("initiatives.assign_facilitator", is_staff_member)
rules.add_perm("initiatives.edit_trial", can_facilitate)
rules.add_perm("initiatives.evaluate", can_facilitate)
rules.add_perm("initiatives.edit", (is_proposer & is_open) | can_facilitate)
rules.add_perm("initiatives.manage_needs", is_proposer | can_facilitate)
rules.add_perm("initiatives.add_image", is_proposer | can_facilitate)
rules.add_perm("initiatives.view_worklist", is_staff_member)
rules.add_perm("initiatives.view_overdue", can_administer)
rules.add_perm("initiatives.change_settings", can_administer)
rules.add_perm(
    "initiatives.write_story",
    is_staff_member | is_proposer | is_story_subject_insider,
)
rules.add_perm("initiatives.publish_story", is_staff_member)
# A story is as visible as what it is about (faelles.core.visibility); a draft
# only to those who may edit it.
can_edit_story = is_staff_member | is_author
rules.add_perm(
    "initiatives.view_story", parents_visible & (is_published | can_edit_story)
)
rules.add_perm("initiatives.edit_story", can_edit_story)
