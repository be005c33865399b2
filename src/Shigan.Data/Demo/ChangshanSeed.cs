using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Data.Access;

namespace Shigan.Data.Demo;

/// <summary>
/// Loads Changshan county once: its real division tree, three grids per village, the township platforms'
/// departments, county bureaus, the credit cooperative branches, and one demo account per role.
/// </summary>
public static class ChangshanSeed
{
    public const string CountyCode = "330822";
    public const string DemoPassword = "Changshan#2026";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "县管理员 陈立", Role.CountyAdmin, "330822000000"),
        new("qiuchuan.staff", "球川镇 应华", Role.TownshipStaff, "330822111000"),
        new("qiuchuan.window", "球川镇窗口 徐丽", Role.WindowClerk, "330822111000"),
        new("qiuchuan.officer", "球川镇平台 郑强", Role.PlatformOfficer, "330822111000"),
        new("mengqiao.cadre", "濛桥村 姜平", Role.VillageCadre, "330822213214"),
        new("mengqiao.grid", "濛桥村网格员 詹祥", Role.GridWorker, "330822213214001"),
        new("judge", "评委 李军", Role.Judge, "330822000000"),

        // One-trip services: the bank partner's counter in 球川镇 (政银合作), and the desks of the departments that
        // decide the newborn bundle's items, each seeing only its own parts of the applications.
        new("qiuchuan.bank", "球川信用社窗口 周敏", Role.WindowClerk, "330822111000", "球川信用社"),
        new("yibao.clerk", "县医保局 王芳", Role.WindowClerk, "330822000000", "常山县医疗保障局"),
        new("hukou.clerk", "球川派出所户籍 刘洋", Role.WindowClerk, "330822000000", "常山县公安局球川派出所"),
        new("clinic.clerk", "球川镇卫生院 方琴", Role.WindowClerk, "330822000000", "球川镇卫生院"),
        new("card.clerk", "农信社制卡 吴磊", Role.WindowClerk, "330822000000", "县农信社网点"),
    ];

    private static readonly (string Name, Platform Platform)[] TownshipOffices =
    [
        ("综治办", Platform.ComprehensiveGovernance),
        ("派出所", Platform.ComprehensiveGovernance),
        ("司法所", Platform.ComprehensiveGovernance),
        ("市场监管所", Platform.MarketSupervision),
        ("综合执法中队", Platform.LawEnforcement),
        ("便民服务中心", Platform.ConvenienceServices),
    ];

    // Each county's bureaus carry its name in front ("常山县" + "医疗保障局").
    private static readonly (string Name, Platform Platform)[] CountyBureaus =
    [
        ("人力资源和社会保障局", Platform.ConvenienceServices),
        ("医疗保障局", Platform.ConvenienceServices),
        ("民政局", Platform.ConvenienceServices),
        ("卫生健康局", Platform.ConvenienceServices),
        ("市场监督管理局", Platform.MarketSupervision),
        ("公安局", Platform.ComprehensiveGovernance),
        ("司法局", Platform.ComprehensiveGovernance),
        ("综合行政执法局", Platform.LawEnforcement),
    ];

    private static readonly string[] GridNames = ["第一网格", "第二网格", "第三网格"];

    /// <summary>
    /// Seeds each part that is not there yet (the county and its accounts, the category catalogue, the holiday
    /// calendar, the service catalogue), so a database made by an older version gains what it lacks; false when
    /// nothing was missing.
    /// </summary>
    public static async Task<bool> RunAsync(ShiganDb db, UserManager<ShiganUser> users, CancellationToken ct = default)
    {
        var county = await SeedCountyAsync(db, users, ct);
        var categories = await CategorySeed.RunAsync(db, ct);
        var holidays = await HolidaySeed.RunAsync(db, ct);
        var services = await ServiceSeed.RunAsync(db, ct);
        if (county)
        {
            // Only on a first start: demo accounts and records never appear in a database that was already in use.
            await SeedAccountsAsync(db, users, ct);
            await ApplicationSeed.RunAsync(db, ct);
        }

        var contests = await ContestSeed.RunAsync(db, DateTime.UtcNow, ct);
        return county || categories || holidays || services || contests;
    }

    private static async Task<bool> SeedCountyAsync(ShiganDb db, UserManager<ShiganUser> users, CancellationToken ct)
    {
        if (await db.Regions.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var regions = LoadTree();
        PopulationSeed.Apply(regions);
        db.Regions.AddRange(regions);
        db.Departments.AddRange(Departments(regions));
        await db.SaveChangesAsync(ct);

        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The demo accounts, once the departments they sit in exist (the service catalogue adds some of them).</summary>
    private static async Task SeedAccountsAsync(ShiganDb db, UserManager<ShiganUser> users, CancellationToken ct)
    {
        foreach (var account in Accounts)
        {
            var unit = await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Code == account.UnitCode, ct);
            var department = account.DepartmentName is { } name
                ? await db.Departments.IgnoreQueryFilters().SingleAsync(d => d.Name == name && d.RegionId == unit.Id, ct)
                : null;
            var user = new ShiganUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                Role = account.Role,
                RegionId = unit.Id,
                RegionPath = unit.RegionPath,
                DepartmentId = department?.Id,
                EmailConfirmed = true,
                LockoutEnabled = true,
                CreatedAtUtc = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    public static List<Region> LoadTree()
    {
        using var stream = typeof(ChangshanSeed).Assembly.GetManifestResourceStream("changshan-divisions.csv")
            ?? throw new InvalidOperationException("The Changshan division table is not embedded.");
        using var reader = new StreamReader(stream);
        var regions = Division.BuildTree(Division.ParseCsv(reader).ToList(), CountyCode);
        AddGrids(regions);
        return regions;
    }

    /// <summary>Three grids under every village of <paramref name="regions"/>, added to the list and to their village.</summary>
    public static void AddGrids(List<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        foreach (var village in regions.Where(r => r.Level == RegionLevel.Village).ToList())
        {
            for (var i = 0; i < GridNames.Length; i++)
            {
                var code = village.Code + (i + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                var grid = new Region
                {
                    Code = code,
                    Name = GridNames[i],
                    Level = RegionLevel.Grid,
                    Parent = village,
                    RegionPath = RegionPaths.Child(village.RegionPath, code),
                };
                village.Children.Add(grid);
                regions.Add(grid);
            }
        }
    }

    /// <summary>
    /// Each county's bureaus and credit cooperative, each township's platform offices and its 信用社 branch: what a
    /// county of the tree needs to route cases and take applications (the data generator loads any county with it).
    /// </summary>
    public static IEnumerable<Department> Departments(IEnumerable<Region> regions)
    {
        var all = regions.ToList();
        foreach (var county in all.Where(r => r.Level == RegionLevel.County))
        {
            foreach (var (name, platform) in CountyBureaus)
            {
                yield return New(county.Name + name, DepartmentKind.CountyBureau, platform, county);
            }

            yield return New(county.Name + "农村信用合作联社", DepartmentKind.ServicePartner, Platform.ConvenienceServices, county);
        }

        foreach (var township in all.Where(r => r.Level == RegionLevel.Township))
        {
            foreach (var (name, platform) in TownshipOffices)
            {
                yield return New(name, DepartmentKind.TownshipPlatform, platform, township);
            }

            yield return New(ShortName(township.Name) + "信用社", DepartmentKind.ServicePartner, Platform.ConvenienceServices, township);
        }
    }

    private static Department New(string name, DepartmentKind kind, Platform platform, Region region) => new()
    {
        Name = name,
        Kind = kind,
        Platform = platform,
        Region = region,
        RegionPath = region.RegionPath,
    };

    private static string ShortName(string township) =>
        township.EndsWith("街道", StringComparison.Ordinal) ? township[..^2] : township[..^1];
}

/// <summary>A demo account; <paramref name="DepartmentName"/> places it in a department of its unit (its queue, its window).</summary>
public sealed record DemoAccount(string UserName, string DisplayName, Role Role, string UnitCode, string? DepartmentName = null);
