from django.core.files.base import ContentFile

from faelles.accounts.factories import UserFactory
from faelles.communities.factories import CommunityFactory, MovementFactory
from faelles.communities.models import Post, SharedFile
from faelles.core.isolation import isolation_case


@isolation_case(
    "communities:detail",
    "communities:edit",
    "communities:join",
    "communities:leave",
    "communities:contact",
    "communities:decide",
    "communities:invite",
    "communities:host",
    "communities:post_create",
    "communities:file_upload",
    "communities:refer",
    "communities:referral_decline",
)
def community(municipality):
    return {"pk": CommunityFactory(municipality=municipality).pk}


@isolation_case("communities:post_delete")
def post(municipality):
    community = CommunityFactory(municipality=municipality)
    post = Post.objects.create(community=community, author=UserFactory(), body="Hej")
    return {"pk": community.pk, "post_pk": post.pk}


@isolation_case("communities:file_download")
def shared_file(municipality):
    community = CommunityFactory(municipality=municipality)
    shared = SharedFile(
        community=community, title="Program", size=4, content_type="text/plain"
    )
    shared.file.save("program.txt", ContentFile(b"Hej\n"), save=True)
    return {"pk": community.pk, "file_pk": shared.pk}


@isolation_case(
    "movements:detail",
    "movements:pledge",
    "movements:withdraw",
    "movements:action",
    "movements:team",
)
def movement(municipality):
    return {"pk": MovementFactory(municipality=municipality).pk}
