from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory


def test_every_content_type_can_be_placed_in_the_tree(site_tree):
    guide = GuidePageFactory(parent=site_tree.guides)
    partner = PartnerPageFactory(parent=site_tree.partners)
    service = ServicePageFactory(parent=partner)
    event = EventPageFactory(parent=partner)

    service.refresh_from_db()
    event.refresh_from_db()
    assert guide.get_parent().specific == site_tree.guides
    assert service.provider_id == partner.pk
    assert event.organiser_id == partner.pk
