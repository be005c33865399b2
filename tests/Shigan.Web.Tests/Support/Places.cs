using Microsoft.EntityFrameworkCore;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>Looks up the seeded Changshan records the tests talk about, by their real codes and names.</summary>
internal static class Places
{
    public const string County = "330822000000";
    public const string Qiuchuan = "330822111000";       // 球川镇, qiuchuan.staff's township
    public const string Daqiaotou = "330822213000";      // 大桥头乡, another township
    public const string Mengqiao = "330822213214";       // 濛桥村委会 in 大桥头乡, mengqiao.cadre's village
    public const string Kenong = "330822213204";         // 客弄村委会, 濛桥's neighbour

    public static Task<int> RegionIdAsync(this ShiganApp app, string code) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    public static Task<string> RegionPathAsync(this ShiganApp app, string code) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.RegionPath).SingleAsync());

    /// <summary>A village of the township: the first by code.</summary>
    public static Task<int> FirstVillageIdAsync(this ShiganApp app, string townshipCode) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Parent!.Code == townshipCode).OrderBy(r => r.Code).Select(r => r.Id).FirstAsync());

    /// <summary>The township's police station (派出所), seeded in every township.</summary>
    public static Task<int> PoliceStationIdAsync(this ShiganApp app, string townshipCode) =>
        app.WithDbAsync(db => db.Departments.Where(d => d.Region!.Code == townshipCode && d.Name == "派出所").Select(d => d.Id).SingleAsync());

    public static Task<string> AccountIdAsync(this ShiganApp app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
