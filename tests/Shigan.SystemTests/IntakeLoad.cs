using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Shigan.Testing;

namespace Shigan.SystemTests;

/// <summary>
/// Open311 clients and window clerks reporting as fast as the app takes them, each keeping every report the app
/// acknowledged. A worker stops at its first failed connection: the app has been killed under it.
/// </summary>
internal sealed class IntakeLoad(Uri app, string open311Key, HttpClient window, IReadOnlyList<string> villageCodes, IReadOnlyList<int> windowPlaces, int seed)
{
    public const int Open311Workers = 6;
    public const int WindowWorkers = 2;
    public const int PhotoWorkers = 1;

    private readonly ConcurrentBag<Acknowledged> acknowledged = [];
    private readonly ConcurrentBag<int> refused = [];

    public IReadOnlyCollection<Acknowledged> Acknowledged => acknowledged;

    /// <summary>The status of every answer that was not a success (a full intake queue may answer 503; nothing else should).</summary>
    public IReadOnlyCollection<int> Refused => refused;

    public Task RunAsync(CancellationToken stop)
    {
        var workers = new List<Task>();
        for (var i = 0; i < Open311Workers; i++)
        {
            workers.Add(Open311Async(new Random(seed * 100 + i), stop));
        }

        for (var i = 0; i < WindowWorkers; i++)
        {
            workers.Add(WindowAsync(new Random(seed * 100 + 50 + i), photo: false, stop));
        }

        for (var i = 0; i < PhotoWorkers; i++)
        {
            workers.Add(WindowAsync(new Random(seed * 100 + 80 + i), photo: true, stop));
        }

        return Task.WhenAll(workers);
    }

    private async Task Open311Async(Random random, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromSeconds(30) };
        while (!stop.IsCancellationRequested)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = open311Key,
                ["service_code"] = "ZF03",
                ["address_id"] = villageCodes[random.Next(villageCodes.Count)],
                ["description"] = $"断电测试：垃圾桶满了 #{random.Next()}",
            });
            var answer = await SendAsync(() => http.PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), form, stop));
            if (answer is null)
            {
                return;
            }

            using (answer)
            {
                if (!answer.IsSuccessStatusCode)
                {
                    refused.Add((int)answer.StatusCode);
                    continue;
                }

                using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(CancellationToken.None));
                acknowledged.Add(new(body.RootElement[0].GetProperty("service_request_id").GetString()!, null, 0, null, Stopwatch.GetTimestamp()));
            }
        }
    }

    private async Task WindowAsync(Random random, bool photo, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var place = windowPlaces[random.Next(windowPlaces.Count)];
            var description = $"断电测试：路灯不亮 #{random.Next()}";
            byte[]? picture = photo ? TestPictures.Png(2, 2, (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) : null;
            var answer = await SendAsync(() => picture is null
                ? window.PostAsJsonAsync(new Uri("/api/cases", UriKind.Relative), new { categoryCode = "ZF03", regionId = place, description, reporterName = "王小明", reporterPhone = "13800001111" }, stop)
                : window.PostAsync(new Uri("/api/cases/with-photos", UriKind.Relative), PhotoForm(place, description, picture), stop));
            if (answer is null)
            {
                return;
            }

            using (answer)
            {
                if (!answer.IsSuccessStatusCode)
                {
                    refused.Add((int)answer.StatusCode);
                    continue;
                }

                using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(CancellationToken.None));
                acknowledged.Add(new(
                    body.RootElement.GetProperty("trackingNumber").GetString()!,
                    body.RootElement.GetProperty("id").GetInt64(),
                    picture is null ? 0 : 1,
                    picture is null ? null : Convert.ToHexStringLower(SHA256.HashData(picture)),
                    Stopwatch.GetTimestamp()));
            }
        }
    }

    private static MultipartFormDataContent PhotoForm(int place, string description, byte[] picture)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("ZF03"), "categoryCode" },
            { new StringContent(place.ToString(System.Globalization.CultureInfo.InvariantCulture)), "regionId" },
            { new StringContent(description), "description" },
        };
        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new("image/png");
        form.Add(file, "files", "现场.png");
        return form;
    }

    // Null when the connection failed or the run was stopped: the outcome of that request is unknown, and unknown
    // is allowed; only an answered success is a promise.
    private static async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
