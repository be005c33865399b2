using Microsoft.EntityFrameworkCore;
using Shigan.Core.Org;
using Shigan.Core.Services;
using Shigan.Core.Services.Applications;
using Shigan.Data.Access;

namespace Shigan.Data.Tests.Services;

/// <summary>
/// Applications as stored: their parts, history and trips belong to the unit whose window took them, another township
/// neither sees nor writes them, and the history and trips are never edited.
/// </summary>
public sealed class ApplicationStorageTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    private async Task<long> TakeInQiuchuanAsync()
    {
        await using var db = changshan.OpenAs(ChangshanDatabase.QiuchuanCode);
        var department = await db.Departments.IgnoreQueryFilters().Where(d => d.Name == "常山县民政局").Select(d => d.Id).SingleAsync();
        var application = new ServiceApplication
        {
            LifeEventCode = "disability",
            LifeEventName = "残疾人证办理及补贴一件事",
            Channel = ServiceChannels.TownshipWindow,
            RegionId = changshan.Unit(ChangshanDatabase.QiuchuanCode).Id,
            RegionPath = "",
            TakenByName = "球川镇窗口",
            TakenAtUtc = changshan.Clock.GetUtcNow().UtcDateTime,
            ApplicantName = "毛建国",
            ApplicantPhone = "13905701234",
            Materials = [new CheckedMaterial { Name = "户口簿", Form = MaterialForm.Copy, ItemCodes = ["DIS-LIVING"] }],
            Status = ApplicationStatus.InProgress,
            Version = 1,
            Parts = [new SubApplication { DepartmentId = department, DepartmentName = "常山县民政局", ItemCodes = ["DIS-LIVING", "DIS-CARE"], DueOn = new DateOnly(2026, 3, 20), RegionPath = "", Version = 1 }],
            Trips = [new ApplicationTrip { AtUtc = changshan.Clock.GetUtcNow().UtcDateTime, Place = "球川镇便民服务中心", Purpose = TripPurpose.Intake, RegionPath = "" }],
            Events = [new ApplicationEvent { Kind = ApplicationEventKind.Taken, ActorName = "球川镇窗口", RegionPath = "" }],
        };
        db.ServiceApplications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    [Fact]
    public async Task An_application_its_parts_history_and_trips_take_the_path_of_the_window_that_took_it_and_read_back_whole()
    {
        var id = await TakeInQiuchuanAsync();

        await using var read = changshan.OpenAs(ChangshanDatabase.QiuchuanCode);
        var application = await read.ServiceApplications.Include(a => a.Parts).Include(a => a.Events).Include(a => a.Trips).SingleAsync(a => a.Id == id);
        var path = changshan.Unit(ChangshanDatabase.QiuchuanCode).RegionPath;
        Assert.Equal([path, path, path, path], new[] { application.RegionPath, application.Parts[0].RegionPath, application.Events[0].RegionPath, application.Trips[0].RegionPath });
        Assert.Equal(["DIS-LIVING", "DIS-CARE"], application.Parts[0].ItemCodes);
        Assert.Equal(("户口簿", MaterialForm.Copy), (application.Materials[0].Name, application.Materials[0].Form));
        Assert.Equal(new DateOnly(2026, 3, 20), application.Parts[0].DueOn);
    }

    [Fact]
    public async Task Another_township_neither_sees_nor_writes_an_application_and_nobody_edits_its_history()
    {
        var id = await TakeInQiuchuanAsync();

        await using (var other = changshan.OpenAs(ChangshanDatabase.TianmaCode))
        {
            Assert.False(await other.ServiceApplications.AnyAsync(a => a.Id == id));
            Assert.False(await other.SubApplications.AnyAsync(p => p.ApplicationId == id));
            other.ApplicationTrips.Add(new ApplicationTrip { ApplicationId = id, Place = "越权", Purpose = TripPurpose.Other, RegionPath = "" });
            await Assert.ThrowsAsync<OutOfScopeException>(() => other.SaveChangesAsync());
        }

        await using var system = changshan.OpenAsSystem();
        var entry = await system.ApplicationEvents.FirstAsync(e => e.ApplicationId == id);
        entry.Note = "改写的历史";
        await Assert.ThrowsAsync<InvalidOperationException>(() => system.SaveChangesAsync());
    }
}
