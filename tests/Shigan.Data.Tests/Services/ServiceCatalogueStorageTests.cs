using Microsoft.EntityFrameworkCore;
using Shigan.Core.Cases;
using Shigan.Core.Services;
using Shigan.Data.Demo;

namespace Shigan.Data.Tests.Services;

/// <summary>The service catalogue as stored: what is read back computes the same trips as the catalogue it was made from.</summary>
public sealed class ServiceCatalogueStorageTests(ChangshanDatabase changshan) : IClassFixture<ChangshanDatabase>
{
    private static readonly DateOnly May = new(2026, 5, 12);

    [Fact]
    public async Task The_seeded_catalogue_read_back_gives_every_bundle_the_same_trips_and_savings()
    {
        await using (var db = changshan.OpenAsSystem())
        {
            await ServiceSeed.RunAsync(db);
        }

        await using var read = changshan.OpenAsSystem();
        var items = await read.ServiceItems.AsNoTracking().ToListAsync();
        var events = await read.LifeEvents.AsNoTracking().ToListAsync();

        Assert.Equal(ServiceCatalogueSeed.LifeEvents().Count, events.Count);
        foreach (var bundle in ServiceCatalogueSeed.LifeEvents())
        {
            var expected = TripCalculator.Compare(bundle, ServiceCatalogueSeed.Items(), May, WorkingCalendar.Default);
            var stored = TripCalculator.Compare(events.Single(e => e.Code == bundle.Code), items, May, WorkingCalendar.Default);
            Assert.Equal(expected.Select(p => (p.TripCount, p.TripDays, p.HandedOverCount)), stored.Select(p => (p.TripCount, p.TripDays, p.HandedOverCount)));
            Assert.Equal(expected.SelectMany(p => p.Savings).Select(s => s.Text), stored.SelectMany(p => p.Savings).Select(s => s.Text));
        }

        var newborn = TripCalculator.Compare(events.Single(e => e.Code == ServiceCatalogueSeed.Newborn), items, May, WorkingCalendar.Default);
        Assert.Equal([5, 1], new[] { newborn[0].TripCount, newborn[2].TripCount });
    }

    [Fact]
    public async Task Every_office_an_item_names_exists_as_a_department_and_seeding_twice_adds_nothing()
    {
        await using (var db = changshan.OpenAsSystem())
        {
            await ServiceSeed.RunAsync(db);
        }

        await using (var again = changshan.OpenAsSystem())
        {
            Assert.False(await ServiceSeed.RunAsync(again));
        }

        await using var read = changshan.OpenAsSystem();
        var departments = await read.Departments.Select(d => d.Name).ToListAsync();
        var offices = await read.ServiceItems.Select(i => i.DepartmentName).Distinct().ToListAsync();
        Assert.All(offices, o => Assert.Contains(o, departments));
        Assert.Equal(ServiceCatalogueSeed.Items().Count, await read.ServiceItems.CountAsync());
    }
}
