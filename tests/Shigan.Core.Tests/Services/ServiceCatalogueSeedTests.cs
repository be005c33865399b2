using Shigan.Core.Services;
using static Shigan.Core.Services.DeliveryModel;
using static Shigan.Core.Tests.Cases.China;

namespace Shigan.Core.Tests.Services;

/// <summary>The demo catalogue: the report's newborn figures, and every bundle computing sensibly under the three models.</summary>
public sealed class ServiceCatalogueSeedTests
{
    // The report: 球川镇, May. Tuesday 12 May 2026.
    private static readonly DateOnly May = Day(5, 12);

    private static IReadOnlyList<TripPlan> Compare(string bundle) =>
        TripCalculator.Compare(
            ServiceCatalogueSeed.LifeEvents().Single(e => e.Code == bundle), ServiceCatalogueSeed.Items(), May, Calendar);

    public static TheoryData<string> Bundles => [.. ServiceCatalogueSeed.LifeEvents().Select(e => e.Code)];

    [Fact]
    public void The_newborn_takes_five_trips_over_two_days_between_township_bureau_and_bank_and_one_at_the_bank_window()
    {
        var (separate, window, partner) = Compare(ServiceCatalogueSeed.Newborn) switch
        {
            [var a, var b, var c] => (a, b, c),
            _ => throw new InvalidOperationException("three models"),
        };

        Assert.Equal((5, 2), (separate.TripCount, separate.TripDays));
        Assert.Equal(
            ["球川镇卫生院", "常山县公安局球川派出所", "常山县医疗保障局", "常山县医疗保障局", "县农信社网点"],
            separate.Trips.Select(t => t.Place));
        Assert.Equal((1, 1), (partner.TripCount, partner.TripDays));
        Assert.Equal("县农信社网点", partner.Trips.Single().Place);

        // One township window, but the card is only made at the bank, once the insurance is registered the next day.
        Assert.Equal([(May, "乡镇便民服务中心"), (Day(5, 13), "县农信社网点")], window.Trips.Select(t => (t.Day, t.Place)));
    }

    [Fact]
    public void The_bank_window_explains_which_trips_it_saved_and_which_papers_nobody_carries()
    {
        var partner = Compare(ServiceCatalogueSeed.Newborn)[2];

        Assert.Contains("出生医学证明由常山县人民医院出具，共享后无需携带", partner.Savings.Select(s => s.Text));
        Assert.Contains("城乡居民医保参保登记（新生儿）在县农信社网点一次受理，省去往返常山县医疗保障局", partner.Savings.Select(s => s.Text));
        Assert.Contains("参保登记凭证由常山县医疗保障局出具，共享后无需再去常山县医疗保障局领取", partner.Savings.Select(s => s.Text));

        // The card was always the bank's own: taking it at the bank saves nothing and says so by saying nothing.
        Assert.DoesNotContain(partner.Savings, s => s.ItemCode == "BIRTH-SSCARD");
        Assert.Equal(4, partner.Savings.Count(s => s.SavesVisit));
    }

    [Theory]
    [InlineData(ServiceCatalogueSeed.Newborn, 5, 2, 1)]
    [InlineData(ServiceCatalogueSeed.BusinessStart, 7, 2, 2)]
    [InlineData(ServiceCatalogueSeed.HomeTransfer, 7, 1, 1)]
    [InlineData(ServiceCatalogueSeed.Retirement, 6, 2, 2)]
    [InlineData(ServiceCatalogueSeed.Disability, 5, 2, 2)]
    [InlineData(ServiceCatalogueSeed.AfterDeath, 7, 3, 3)]
    public void Each_demo_bundle_gives_its_trips_under_the_three_models(string bundle, int separate, int window, int partner)
    {
        Assert.Equal([separate, window, partner], Compare(bundle).Select(p => p.TripCount));
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Every_demo_bundle_computes_with_no_unissued_paper_and_never_more_trips_or_papers_for_a_better_model(string bundle)
    {
        var plans = Compare(bundle);

        Assert.All(plans, p => Assert.Empty(p.Unissued));
        Assert.True(plans[2].TripCount <= plans[1].TripCount && plans[1].TripCount <= plans[0].TripCount, bundle);
        Assert.True(plans[2].HandedOverCount <= plans[1].HandedOverCount && plans[1].HandedOverCount < plans[0].HandedOverCount, bundle);
        Assert.True(plans[0].TripCount - plans[2].TripCount <= plans[2].Savings.Count(s => s.SavesVisit), bundle);
        Assert.Empty(plans[0].Savings);
    }

    [Fact]
    public void The_demo_catalogue_has_unique_codes_no_cycle_no_unissued_paper_and_promises_within_the_legal_limits()
    {
        var items = ServiceCatalogueSeed.Items();
        var codes = items.Select(i => i.Code).ToHashSet();

        Assert.Equal(items.Count, codes.Count);
        Assert.True(ServiceCatalogueSeed.LifeEvents().Count >= 5);
        Assert.All(ServiceCatalogueSeed.LifeEvents(), e => Assert.All(e.ItemCodes, c => Assert.Contains(c, codes)));
        Assert.Empty(ServiceCatalogueChecks.FindCycle(items));
        Assert.Empty(ServiceCatalogueChecks.FindUnissued(items));
        Assert.All(items, i => Assert.True(i.PromisedDays <= i.LegalDays && i.OnSiteVisits <= ServiceItem.MaxOnSiteVisits, i.Code));
    }
}
