using System.Diagnostics;

namespace Shigan.SystemTests;

/// <summary>
/// nginx (Debian's package) in front of app instances, configured from the deployment's own template
/// (deploy/nginx.conf.template), in a folder of its own, in the foreground: what deploy/run-instances.sh runs.
/// </summary>
internal sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private NginxProcess(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxProcess> StartAsync(IEnumerable<Uri> instances)
    {
        var folder = Directory.CreateTempSubdirectory("shigan-nginx-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // workers run as another user and write temp files here
        }

        var port = AppProcess.FreePort();
        var servers = string.Concat(instances.Select(i => $"server {i.Authority} max_fails=1 fail_timeout=5s; "));
        var template = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot(), "deploy", "nginx.conf.template"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, template
            .Replace("@LISTEN@", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("@SERVERS@", servers, StringComparison.Ordinal)
            .Replace("@PREFIX@", folder, StringComparison.Ordinal));

        var start = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-p", folder, "-c", config })
        {
            start.ArgumentList.Add(arg);
        }

        var nginx = new NginxProcess(Process.Start(start) ?? throw new InvalidOperationException("nginx did not start"), folder, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 100; i++)
        {
            if (nginx.process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped: {await nginx.process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("nginx did not pass /healthz through in 10 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
