using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shigan.Core.Services;
using Shigan.Testing;
using Shigan.Web.Services.CatalogueExcel;

namespace Shigan.Web.Tests.Services;

/// <summary>Workbooks and uploads for the catalogue tests, and the catalogue as stored, to show a refusal changed nothing.</summary>
internal static class CatalogueCalls
{
    /// <summary>The demo catalogue as a workbook in the import's layout, after <paramref name="change"/> (fresh objects each call).</summary>
    public static Task<byte[]> SeedWorkbookAsync(Action<List<ServiceItem>, List<LifeEvent>>? change = null)
    {
        var items = ServiceCatalogueSeed.Items().ToList();
        var bundles = ServiceCatalogueSeed.LifeEvents().ToList();
        change?.Invoke(items, bundles);
        return CatalogueWorkbook.WriteAsync(items, bundles);
    }

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] bytes, string fileName = "事项目录.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(CatalogueWorkbook.ContentType);
        form.Add(part, "file", fileName);
        return await client.PostAsync("/api/services/catalogue/import", form);
    }

    /// <summary>Every item and bundle as stored, and the number of audit entries: equal before and after means nothing was written.</summary>
    public static Task<string> CatalogueFingerprintAsync(this ShiganApp app) =>
        app.WithDbAsync(async db =>
        {
            var items = await db.ServiceItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync();
            var bundles = await db.LifeEvents.AsNoTracking().OrderBy(e => e.Code).ToListAsync();
            var audit = await db.AuditEntries.CountAsync();
            return JsonSerializer.Serialize(new { items, bundles, audit });
        });

    public static Task<int> AuditCountAsync(this ShiganApp app, string entityType) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == entityType));

    public static Task<ServiceItem> StoredItemAsync(this ShiganApp app, string code) =>
        app.WithDbAsync(db => db.ServiceItems.AsNoTracking().SingleAsync(i => i.Code == code));
}
