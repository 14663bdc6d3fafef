"""Demo land data: the parcels approved in the shared gazettes' 批复, entered as the documents state them, and one
plausible (invented, marked demo) annual plan for 兴县.

The parcels' figures are facts read from 兴县人民政府公报 2022年第2期 and 2023年第4期. Where those issues are
imported, each parcel is linked to its 批复; without them the parcels are still created, unlinked.
"""

import datetime
from decimal import Decimal

from django.db import models

from gazette.models import Document
from land import services
from land.models import HousingType, LandSource, LandSupplyPlan, LandUse, Parcel, SupplyMethod
from org.models import Organisation
from org.selectors import OrganisationResolver

COUNTY = "兴县"
RESPONSIBLE_UNIT = "县自然资源局"

# Shared by the two 划拨 parcels of the 崞临高速 service area (兴政函〔2022〕34号).
_SERVICE_AREA = {
    "document": "兴政函〔2022〕34号",
    "signed": datetime.date(2022, 4, 22),
    "township": "奥家湾乡",
    "location_text": "兴县奥家湾乡孙家庄村",
    "area_unit": "m2",
    "use_text": "公路用地",
    "land_use": LandUse.TRANSPORT,
    "method": SupplyMethod.ALLOCATION,
    "recipient": "山西交通控股集团有限公司吕梁北高速公路分公司",
    "plot_ratio_max": "1.1",
    "density_max": "30",
    "green_min": "40",
    "height_max": "20",
}

PARCELS = [
    {**_SERVICE_AREA, "number": "2021-10-04", "area": "30047.51"},
    {**_SERVICE_AREA, "number": "2021-10-08", "area": "46705.2"},
    {
        "number": "2022-02",
        "document": "兴政函〔2022〕43号",
        "signed": datetime.date(2022, 5, 24),
        "township": "奥家湾乡",
        "location_text": "兴县奥家湾乡姚儿湾村",
        "area": "1.7773",
        "area_unit": "ha",
        "use_text": "殡葬用地",
        "land_use": LandUse.SPECIAL,
        "method": SupplyMethod.ALLOCATION,
        "recipient": "兴县民政局",
        "plot_ratio_max": "1.1",
        "density_max": "21",
        "green_min": "40",
        "height_max": "30",
    },
    {
        "number": "2021-09",
        "document": "兴政函〔2022〕62号",
        "signed": datetime.date(2022, 6, 17),
        "township": "瓦塘镇",
        "location_text": "兴县瓦塘镇兴汉村",
        "area": "154370",
        "area_unit": "m2",
        "use_text": "工业用地",
        "land_use": LandUse.INDUSTRIAL,
        "method": SupplyMethod.LISTING,
        "term_years": 50,
        "plot_ratio_min": "1",
        "coverage_min": "40",
        "green_max": "20",
        "height_max": "50",
        "deposit": "5000",
        "starting_price": "4400",
        "increment": "110",
        "reserve_price_set": True,
    },
    {
        "number": "2023-05",
        "document": "兴政函〔2023〕136号",
        "signed": datetime.date(2023, 10, 18),
        "township": "瓦塘镇",
        "location_text": "兴县瓦塘镇兴汉村",
        "area": "10957.02",
        "area_unit": "m2",
        "use_text": "工业用地",
        "land_use": LandUse.INDUSTRIAL,
        "method": SupplyMethod.LISTING,
        "term_years": 50,
        "plot_ratio_min": "0.7",
        "coverage_min": "40",
        "green_max": "20",
        "height_max": "24",
        "deposit": "360",
        "starting_price": "322",
        "increment": "7",
        "reserve_price_set": True,
    },
    {
        "number": "2022-07",
        "document": "兴政函〔2023〕150号",
        "signed": datetime.date(2023, 11, 9),
        "township": "瓦塘镇",
        "location_text": "兴县瓦塘镇兴汉村",
        "area": "35027.87",
        "area_unit": "m2",
        "use_text": "工业用地",
        "land_use": LandUse.INDUSTRIAL,
        "method": SupplyMethod.LISTING,
        "term_years": 50,
        "plot_ratio_min": "1",
        "coverage_min": "30",
        "green_max": "20",
        "height_max": "30",
        "deposit": "1100",
        "starting_price": "1020",
        "increment": "25",
        "reserve_price_set": True,
    },
    {
        "number": "2023-07",
        "document": "兴政函〔2023〕151号",
        "signed": datetime.date(2023, 11, 9),
        "township": "蔡家崖乡",
        "location_text": "兴县蔡家崖乡张家圪坨村",
        "area": "5612.85",
        "area_unit": "m2",
        "use_text": "城镇社区服务设施用地",
        "land_use": LandUse.PUBLIC,
        "method": SupplyMethod.ALLOCATION,
        "recipient": "县卫生健康和体育局",
        "plot_ratio_max": "0.6",
        "density_max": "25",
        "green_min": "30",
        "height_max": "12",
    },
]

# The demo writes figures as strings; the model's decimal fields take them as Decimals.
DECIMAL_FIELDS = {field.name for field in Parcel._meta.get_fields() if isinstance(field, models.DecimalField)}

# Invented for the demo (no plan is printed in the shared gazettes): plausible hectares for a county of this size.
DEMO_PLAN = {
    "year": 2023,
    "total_ha": "60.0000",
    "notes": "演示数据：虚构的年度计划，用于展示计划与供应对比；并非兴县实际印发的供应计划。",
    "allocations": [
        (LandUse.COMMERCIAL, "", "", "6.5000"),
        (LandUse.INDUSTRIAL, "", LandSource.NEW, "15.0000"),
        (LandUse.INDUSTRIAL, "", LandSource.EXISTING, "7.0000"),
        (LandUse.RESIDENTIAL, HousingType.AFFORDABLE, "", "2.0000"),
        (LandUse.RESIDENTIAL, HousingType.SMALL_COMMODITY, "", "6.0000"),
        (LandUse.RESIDENTIAL, HousingType.COMMODITY, "", "3.0000"),
        (LandUse.RESIDENTIAL, HousingType.OTHER, "", "1.0000"),
        (LandUse.PUBLIC, "", "", "8.0000"),
        (LandUse.TRANSPORT, "", "", "7.5000"),
        (LandUse.WATER, "", "", "2.0000"),
        (LandUse.SPECIAL, "", "", "2.0000"),
    ],
}


def load_demo():
    """Create the demo plan and parcels once; None when the county is missing or they are already there."""
    county = Organisation.objects.filter(kind=Organisation.Kind.COUNTY, short_name=COUNTY).first()
    if county is None or Parcel.objects.filter(county=county).exists():
        return None
    resolve = OrganisationResolver(county)
    unit = resolve(RESPONSIBLE_UNIT)
    linked = 0
    for entry in PARCELS:
        document = Document.objects.filter(number=entry["document"], parent__isnull=True).first()
        linked += document is not None
        recipient = resolve(entry["recipient"]) if entry.get("recipient") else None
        services.create_parcel(
            number=entry["number"],
            county=county,
            responsible_unit=unit,
            township=resolve(entry["township"]),
            location_text=entry["location_text"],
            area=Decimal(entry["area"]),
            area_unit=entry["area_unit"],
            area_written=Decimal(entry["area"]),
            area_written_unit=entry["area_unit"],
            use_text=entry["use_text"],
            land_use=entry["land_use"],
            method=entry["method"],
            term_years=entry.get("term_years"),
            recipient=recipient,
            recipient_text=entry.get("recipient", ""),
            reserve_price_set=entry.get("reserve_price_set"),
            approval_document=document,
            plan_year=entry["signed"].year,
            status=Parcel.Status.APPROVED,
            status_date=entry["signed"],
            **{name: Decimal(entry[name]) for name in DECIMAL_FIELDS if name in entry},
        )
    plan = services.create_plan(
        county=county,
        responsible_unit=unit,
        year=DEMO_PLAN["year"],
        total_ha=Decimal(DEMO_PLAN["total_ha"]),
        notes=DEMO_PLAN["notes"],
        is_demo=True,
        allocations=[
            services.AllocationLine(land_use=use, housing_type=housing, land_source=source, area_ha=Decimal(area))
            for use, housing, source, area in DEMO_PLAN["allocations"]
        ],
    )
    services.adopt_plan(plan)
    return {"plans": LandSupplyPlan.objects.filter(county=county).count(), "parcels": len(PARCELS), "linked": linked}
