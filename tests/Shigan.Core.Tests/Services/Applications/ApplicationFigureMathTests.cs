using Shigan.Core.Services.Applications;

namespace Shigan.Core.Tests.Services.Applications;

/// <summary>The one-trip figures: trips and time over finished applications, missing materials over all.</summary>
public sealed class ApplicationFigureMathTests
{
    private static ApplicationFacts Done(string unit, int trips, bool onTime = true, params string[] missing) =>
        new(unit, true, trips, [new PartFacts(["HUKOU"], onTime, missing), new PartFacts(["CARD"], true, [])]);

    [Fact]
    public void A_units_figures_average_the_trips_and_count_the_shares_of_its_finished_applications()
    {
        ApplicationFacts[] applications =
        [
            Done("球川镇", 1),
            Done("球川镇", 1),
            Done("球川镇", 3, onTime: false, "结婚证", "户口簿"),
            Done("球川镇", 0),
            new("球川镇", false, 2, [new PartFacts(["HUKOU"], false, ["结婚证"])]),
            Done("大桥头乡", 2),
        ];

        var lines = ApplicationFigureMath.ByUnit(applications);

        var qiuchuan = lines[0];
        Assert.Equal(("球川镇", 5, 4), (qiuchuan.Key, qiuchuan.Applications, qiuchuan.Done));
        Assert.Equal(5.0 / 4, qiuchuan.AverageTrips);
        Assert.Equal(3.0 / 4, qiuchuan.ShareInOneTrip);
        Assert.Equal(3.0 / 4, qiuchuan.ShareOnTime);
        Assert.Equal([new MaterialCount("结婚证", 2), new MaterialCount("户口簿", 1)], qiuchuan.MostMissed);
        Assert.Equal(("大桥头乡", 0.0), (lines[1].Key, lines[1].ShareInOneTrip));
    }

    [Fact]
    public void An_item_is_on_time_when_its_own_part_is_and_missed_only_what_its_part_asked_for()
    {
        var lines = ApplicationFigureMath.ByItem([Done("球川镇", 2, onTime: false, "结婚证")]);

        var hukou = lines.Single(l => l.Key == "HUKOU");
        var card = lines.Single(l => l.Key == "CARD");
        Assert.Equal((0.0, 1), (hukou.ShareOnTime, hukou.MostMissed.Count));
        Assert.Equal((1.0, 0), (card.ShareOnTime, card.MostMissed.Count));
        Assert.Equal(2.0, card.AverageTrips);
    }

    [Fact]
    public void Nothing_finished_gives_no_shares_rather_than_zero()
    {
        var line = ApplicationFigureMath.Total("球川镇", [new ApplicationFacts("球川镇", false, 1, [])]);

        Assert.Equal((1, 0), (line.Applications, line.Done));
        Assert.Null(line.AverageTrips);
        Assert.Null(line.ShareInOneTrip);
        Assert.Null(line.ShareOnTime);
    }
}
