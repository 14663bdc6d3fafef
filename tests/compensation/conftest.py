import pytest

from compensation.models import SchemeVersion
from demo import compensation as demo


@pytest.fixture
def real_schemes(county):
    """The three real schemes, loaded as the demo loads them (without gazette documents)."""
    from tests.org.factories import AliasFactory, OrganisationFactory

    units = (("蔚汾镇", "蔚汾镇人民政府"), ("固贤乡", "固贤乡人民政府"), ("兴县住房和城乡建设管理局", "县住建局"))
    for name, alias in units:
        AliasFactory(organisation=OrganisationFactory(name=name, parent=county), alias=alias)
    demo.load_demo()
    return {version.document_number: version for version in SchemeVersion.objects.all()}
