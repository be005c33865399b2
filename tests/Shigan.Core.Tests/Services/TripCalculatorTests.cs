using Shigan.Core.Services;
using static Shigan.Core.Services.DeliveryModel;
using static Shigan.Core.Tests.Cases.China;
using static Shigan.Core.Tests.Services.Catalogue;

namespace Shigan.Core.Tests.Services;

/// <summary>The trip calculator on small catalogues whose figures can be checked by hand.</summary>
public sealed class TripCalculatorTests
{
    // Tuesday 12 May 2026, an ordinary working week.
    private static readonly DateOnly Tuesday = Day(5, 12);

    private static TripPlan Plan(DeliveryModel model, params ServiceItem[] items) => Plan(model, Tuesday, items);

    private static TripPlan Plan(DeliveryModel model, DateOnly start, params ServiceItem[] items) =>
        TripCalculator.Plan(Bundle(items), items, model, start, Calendar);

    [Fact]
    public void One_item_at_one_office_is_one_trip_on_the_day_with_its_papers_handed_over()
    {
        var plan = Plan(Separate, Item("A", "派出所", materials: [Held("身份证"), Held("户口簿")]));

        Assert.Equal((1, 1, 1), (plan.TripCount, plan.TripDays, plan.ElapsedWorkingDays));
        Assert.Equal(["派出所"], plan.Places);
        Assert.Equal(["身份证", "户口簿"], plan.HandedOver.Select(h => h.MaterialName));
        Assert.Empty(plan.Unissued);
    }

    [Fact]
    public void Two_items_in_sequence_at_two_offices_the_same_day_are_two_trips()
    {
        var plan = Plan(Separate,
            Item("A", "派出所", materials: Held("身份证")),
            Item("B", "医保局", after: ["A"], materials: [From("A", "户口页"), Held("身份证")]));

        Assert.Equal(["派出所", "医保局"], plan.Trips.Select(t => t.Place));
        Assert.Equal((2, 1, 1), (plan.TripCount, plan.TripDays, plan.ElapsedWorkingDays));
        Assert.Equal(3, plan.HandedOverCount);
    }

    [Fact]
    public void A_paper_ready_later_must_be_collected_before_the_next_office_which_sharing_saves()
    {
        ServiceItem[] items =
        [
            Item("A", "医保局", promised: 2, materials: Held("身份证")),
            Item("B", "银行", materials: [From("A", "参保凭证"), Held("身份证")]),
        ];

        var separate = Plan(Separate, items);
        var shared = Plan(OneWindow, items);

        // Tuesday apply; ready Thursday: back to the bureau for the slip, then the bank.
        Assert.Equal(
            [(Day(5, 12), "医保局"), (Day(5, 14), "医保局"), (Day(5, 14), "银行")],
            separate.Trips.Select(t => (t.Day, t.Place)));
        Assert.Equal(
            [(Day(5, 12), "医保局"), (Day(5, 14), "银行")],
            shared.Trips.Select(t => (t.Day, t.Place)));
        var saving = Assert.Single(shared.Savings);
        Assert.Equal((TripSavingKind.SharedNoFetch, "参保凭证", true), (saving.Kind, saving.MaterialName, saving.SavesVisit));
        Assert.Equal("参保凭证由医保局出具，共享后无需再去医保局领取", saving.Text);
        Assert.Equal((3, 3), (separate.ElapsedWorkingDays, shared.ElapsedWorkingDays));
    }

    [Fact]
    public void A_paper_handed_over_on_the_spot_is_carried_without_a_trip_and_sharing_only_spares_carrying_it()
    {
        ServiceItem[] items =
        [
            Item("A", "派出所", materials: Held("身份证")),
            Item("B", "医保局", materials: From("A", "户口页")),
        ];

        var separate = Plan(Separate, items);
        var shared = Plan(OneWindow, items);

        Assert.Equal((2, 2), (separate.TripCount, shared.TripCount));
        Assert.Contains(separate.HandedOver, h => h.MaterialName == "户口页");
        Assert.DoesNotContain(shared.HandedOver, h => h.MaterialName == "户口页");
        var saving = Assert.Single(shared.Savings);
        Assert.Equal((TripSavingKind.SharedNoCarry, false, "户口页由派出所出具，共享后无需携带"), (saving.Kind, saving.SavesVisit, saving.Text));
    }

    [Fact]
    public void A_paper_from_a_department_outside_the_bundle_is_a_trip_to_fetch_it_unless_shared()
    {
        ServiceItem[] items = [Item("A", "社保局", materials: [By("村委会", "亲属关系证明"), Held("身份证")])];

        var separate = Plan(Separate, items);
        var shared = Plan(OneWindow, items);

        Assert.Equal(["村委会", "社保局"], separate.Trips.Select(t => t.Place));
        Assert.Equal(["社保局"], shared.Trips.Select(t => t.Place));
        Assert.Contains(shared.Savings, s => s.Text == "亲属关系证明由村委会出具，共享后无需再去村委会开具");
    }

    [Fact]
    public void Items_at_the_same_office_on_the_same_day_are_one_trip()
    {
        var plan = Plan(Separate,
            Item("A", "民政局", materials: Held("身份证")),
            Item("B", "民政局", materials: Held("身份证")));

        var trip = Assert.Single(plan.Trips);
        Assert.Equal(["A", "B"], trip.Stops.Select(s => s.ItemCode));
        Assert.Equal(2, plan.HandedOverCount);
    }

    [Fact]
    public void The_same_office_is_two_trips_when_an_item_there_waits_for_one_elsewhere_but_free_items_join_the_first()
    {
        var plan = Plan(Separate,
            Item("A", "派出所"),
            Item("B", "医保局", after: ["A"]),
            Item("C", "派出所", after: ["B"]),
            Item("D", "派出所"));

        Assert.Equal(["派出所", "医保局", "派出所"], plan.Trips.Select(t => t.Place));
        Assert.Equal(["A", "D"], plan.Trips[0].Stops.Select(s => s.ItemCode));
        Assert.Equal(2, plan.Places.Count);
    }

    [Fact]
    public void An_item_that_asks_for_a_second_visit_brings_the_citizen_back_when_the_result_is_ready_unless_a_window_sends_it()
    {
        ServiceItem[] items = [Item("A", "残联", promised: 3, visits: 2, channels: ServiceChannels.TownshipWindow)];

        var separate = Plan(Separate, items);
        var window = Plan(OneWindow, items);

        Assert.Equal([(Day(5, 12), "残联"), (Day(5, 15), "残联")], separate.Trips.Select(t => (t.Day, t.Place)));
        Assert.Equal([(Day(5, 12), TripCalculator.TownshipWindowPlace)], window.Trips.Select(t => (t.Day, t.Place)));
        Assert.Equal(
            ["A事项在乡镇便民服务中心一次受理，省去往返残联", "A事项的结果寄递或电子送达，省去再去残联领取"],
            window.Savings.Select(s => s.Text));
    }

    [Fact]
    public void A_processing_delay_runs_over_the_weekend()
    {
        // Friday 13 March: one working day is Monday 16 March.
        var plan = Plan(Separate, Day(3, 13),
            Item("A", "医保局", promised: 1),
            Item("B", "银行", materials: From("A", "参保凭证")));

        Assert.Equal([Day(3, 13), Day(3, 16), Day(3, 16)], plan.Trips.Select(t => t.Day));
        Assert.Equal((2, Day(3, 16)), (plan.ElapsedWorkingDays, plan.FinishedOn));
    }

    [Fact]
    public void A_processing_delay_runs_over_the_labour_day_holiday_and_a_start_on_a_day_off_moves_to_the_next_working_day()
    {
        // Thursday 30 April: 1 to 5 May are off, so one working day is Wednesday 6 May.
        var fromThursday = Plan(Separate, Day(4, 30),
            Item("A", "医保局", promised: 1),
            Item("B", "银行", materials: From("A", "参保凭证")));
        var fromHoliday = Plan(Separate, Day(5, 2), Item("A", "医保局"));

        Assert.Equal([Day(4, 30), Day(5, 6), Day(5, 6)], fromThursday.Trips.Select(t => t.Day));
        Assert.Equal(2, fromThursday.ElapsedWorkingDays);
        Assert.Equal((Day(5, 6), 1), (fromHoliday.StartDay, fromHoliday.ElapsedWorkingDays));
    }

    [Fact]
    public void The_partner_window_takes_what_it_can_and_the_comprehensive_window_the_rest()
    {
        ServiceItem[] items =
        [
            Item("A", "医保局", channels: ServiceChannels.TownshipWindow | ServiceChannels.BankWindow),
            Item("B", "民政局", channels: ServiceChannels.TownshipWindow),
            Item("C", "税务局", channels: ServiceChannels.Online),
            Item("D", "医院", visits: 0),
        ];

        var partner = Plan(PartnerWindow, items);
        var window = Plan(OneWindow, items);

        Assert.Equal([TripCalculator.BankWindowPlace, TripCalculator.TownshipWindowPlace], partner.Trips.Select(t => t.Place));
        Assert.Equal([TripCalculator.TownshipWindowPlace], window.Trips.Select(t => t.Place));
        Assert.Contains(window.Savings, s => s.Kind == TripSavingKind.Online && s.Text == "C事项网上办理，省去往返税务局");
    }

    [Fact]
    public void The_comparison_gives_the_three_models_in_order()
    {
        ServiceItem[] items = [Item("A", "派出所", channels: ServiceChannels.CountyHall)];

        var plans = TripCalculator.Compare(Bundle(items), items, Tuesday, Calendar);

        Assert.Equal([Separate, OneWindow, PartnerWindow], plans.Select(p => p.Model));
        Assert.Equal(["派出所", TripCalculator.CountyHallPlace, TripCalculator.CountyHallPlace], plans.Select(p => p.Places.Single()));
    }

    [Fact]
    public void A_cycle_in_the_prerequisites_is_rejected_naming_it()
    {
        ServiceItem[] items =
        [
            Item("A", "派出所", after: ["C"]),
            Item("B", "医保局", after: ["A"]),
            Item("C", "银行", after: ["B"]),
        ];

        var error = Assert.Throws<ArgumentException>(() => Plan(Separate, items));

        Assert.Contains("A A事项 → C C事项 → B B事项 → A A事项", error.Message, StringComparison.Ordinal);
        Assert.Equal(["A", "C", "B", "A"], ServiceCatalogueChecks.FindCycle(items));
    }

    [Fact]
    public void A_paper_asked_of_a_later_item_closes_a_cycle_too_and_so_does_an_item_waiting_for_itself()
    {
        ServiceItem[] byPaper = [Item("A", "派出所", materials: From("B", "参保凭证")), Item("B", "医保局", after: ["A"])];
        ServiceItem[] self = [Item("A", "派出所", after: ["A"])];

        Assert.Throws<ArgumentException>(() => Plan(Separate, byPaper));
        Assert.Equal(["A", "B", "A"], ServiceCatalogueChecks.FindCycle(byPaper));
        Assert.Equal(["A", "A"], ServiceCatalogueChecks.FindCycle(self));
    }

    [Fact]
    public void A_bundle_naming_an_item_the_catalogue_lacks_or_a_prerequisite_it_lacks_is_rejected()
    {
        ServiceItem[] items = [Item("A", "派出所")];
        var missing = new LifeEvent { Code = "x", Name = "x", ItemCodes = ["A", "Z"] };

        var unknownItem = Assert.Throws<ArgumentException>(() => TripCalculator.Plan(missing, items, Separate, Tuesday, Calendar));
        var unknownBefore = Assert.Throws<ArgumentException>(() => Plan(Separate, Item("A", "派出所", after: ["Z"])));

        Assert.Contains("item Z", unknownItem.Message, StringComparison.Ordinal);
        Assert.Contains("item Z", unknownBefore.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_nobody_issues_is_flagged_while_one_the_citizen_holds_is_not()
    {
        var plan = Plan(Separate, Item("A", "派出所", materials: [Held("身份证"), Nobody("情况说明"), From("Q", "证明")]));

        Assert.Equal(
            [new UnissuedMaterial("A", "情况说明", UnissuedMaterial.NoIssuer), new UnissuedMaterial("A", "证明", UnissuedMaterial.UnknownItem)],
            plan.Unissued);
        Assert.Equal(1, plan.TripCount);
        Assert.Equal(plan.Unissued, ServiceCatalogueChecks.FindUnissued([Item("A", "派出所", materials: [Held("身份证"), Nobody("情况说明"), From("Q", "证明")])]));
    }

    [Fact]
    public void Each_department_on_its_own_asks_for_the_id_card_again_while_a_window_sees_it_once()
    {
        ServiceItem[] items =
        [
            Item("A", "派出所", channels: ServiceChannels.TownshipWindow, materials: Held("身份证")),
            Item("B", "医保局", channels: ServiceChannels.TownshipWindow, materials: Held("身份证")),
        ];

        Assert.Equal(2, Plan(Separate, items).HandedOverCount);
        Assert.Equal(1, Plan(OneWindow, items).HandedOverCount);
    }
}
