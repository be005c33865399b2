using Shigan.Core.Services;
using Shigan.Core.Services.Applications;
using Shigan.Core.Tests.Cases;
using static Shigan.Core.Tests.Services.Catalogue;

namespace Shigan.Core.Tests.Services.Applications;

/// <summary>What a window takes of a bundle: its items, the materials checked once, one part per department with its date.</summary>
public sealed class ApplicationPlanTests
{
    private static readonly LifeEvent Newborn = ServiceCatalogueSeed.LifeEvents().Single(e => e.Code == ServiceCatalogueSeed.Newborn);

    [Fact]
    public void The_newborn_bundle_at_the_bank_goes_to_four_departments_and_asks_only_for_the_parents_papers()
    {
        var plan = ApplicationPlan.For(Newborn, ServiceCatalogueSeed.Items(), ServiceChannels.BankWindow);

        Assert.Equal(["BIRTH-VACCINE", "BIRTH-HUKOU", "BIRTH-MEDINS", "BIRTH-SSCARD"], plan.TakenItemCodes);
        Assert.Equal(["BIRTH-CERT"], plan.OtherItemCodes);
        Assert.Equal(["球川镇卫生院", "常山县公安局球川派出所", "常山县医疗保障局", "县农信社网点"], plan.Parts.Select(p => p.DepartmentName));
        Assert.Equal(["父母身份证", "户口簿", "结婚证"], plan.Materials.Select(m => m.Name));

        // Asked as a copy by some items and as an original by others: the original is shown once for all.
        var id = plan.Materials[0];
        Assert.Equal(MaterialForm.Original, id.Form);
        Assert.Equal(["BIRTH-VACCINE", "BIRTH-HUKOU", "BIRTH-MEDINS", "BIRTH-SSCARD"], id.ItemCodes);
    }

    [Fact]
    public void The_township_window_does_not_take_the_card_which_only_the_bank_makes()
    {
        var plan = ApplicationPlan.For(Newborn, ServiceCatalogueSeed.Items(), ServiceChannels.TownshipWindow);

        Assert.Equal(3, plan.Parts.Count);
        Assert.Contains("BIRTH-SSCARD", plan.OtherItemCodes);
    }

    [Fact]
    public void A_department_with_two_items_gets_one_part_promised_by_the_longer_of_them()
    {
        var bundle = new LifeEvent { Code = "two", Name = "两项", ItemCodes = ["A", "B", "C"] };
        ServiceItem[] items =
        [
            Item("A", "民政局", promised: 3, channels: ServiceChannels.TownshipWindow, materials: Held("身份证")),
            Item("B", "民政局", promised: 10, channels: ServiceChannels.TownshipWindow, materials: [From("A", "A证"), By("医院", "诊断证明")]),
            Item("C", "残联", promised: 0, channels: ServiceChannels.CountyHall),
        ];

        var plan = ApplicationPlan.For(bundle, items, ServiceChannels.TownshipWindow);

        var part = Assert.Single(plan.Parts);
        Assert.Equal(("民政局", 10), (part.DepartmentName, part.PromisedDays));
        Assert.Equal(["A", "B"], part.ItemCodes);
        // A's paper is shared with B; the hospital's is not in the bundle, so the citizen brings it.
        Assert.Equal(["身份证", "诊断证明"], plan.Materials.Select(m => m.Name));
    }

    [Fact]
    public void The_promised_date_counts_working_days_from_the_intake_day_and_is_the_same_day_for_done_on_the_spot()
    {
        // Thursday 30 April 2026, before the May Day holiday (1–5 May) and its make-up Saturday 9 May.
        var thursday = China.Day(4, 30);

        Assert.Equal(thursday, ApplicationPlan.DueOn(thursday, 0, China.Calendar));
        Assert.Equal(China.Day(5, 6), ApplicationPlan.DueOn(thursday, 1, China.Calendar));
    }

    [Fact]
    public void Only_a_window_takes_applications()
    {
        Assert.Throws<ArgumentException>(() => ApplicationPlan.For(Newborn, ServiceCatalogueSeed.Items(), ServiceChannels.Online));
    }
}
