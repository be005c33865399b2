using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Shigan.SystemTests;

/// <summary>
/// The app as operators run it: <c>dotnet Shigan.Web.dll</c> from the build output of this configuration, its own
/// process, on a loopback port of its own. <see cref="KillAsync"/> is SIGKILL: no shutdown hook, no draining.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringWriter output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the app wrote, for the failure message when it does not come up.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(string provider, string connection, int port, params string[] settings)
    {
        var web = WebOutputFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(web, "Shigan.Web.dll"), "--urls", $"http://127.0.0.1:{port}",
            $"--Database:Provider={provider}", $"--Database:Connection={connection}",
            "--Database:MigrateOnStart=true", "--Database:SeedDemo=true",
            "--SignIn:PermitsPerMinute=100000", "--Public:PermitsPerMinute=100000000",
        }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), new Uri($"http://127.0.0.1:{port}"));
        app.process.OutputDataReceived += app.Keep;
        app.process.ErrorDataReceived += app.Keep;
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitHealthyAsync();
        return app;
    }

    /// <summary>A CLI verb of the same executable (backup, restore…), as an operator runs it: exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string connection, params string[] verbAndOptions)
    {
        var web = WebOutputFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(web, "Shigan.Web.dll") }.Concat(verbAndOptions).Concat(["--Database:Provider=sqlite", $"--Database:Connection={connection}"]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>SIGKILL, then wait until the process is gone so the port and the database are free.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        await output.DisposeAsync();
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(object sender, DataReceivedEventArgs e)
    {
        lock (output)
        {
            output.WriteLine(e.Data);
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped on start:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, still migrating or seeding.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"/healthz did not answer 200 in two minutes:\n{Output}");
    }

    /// <summary>The repository's root (where Shigan.slnx is).</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Shigan.slnx")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("No Shigan.slnx above " + AppContext.BaseDirectory);
    }

    // tests/Shigan.SystemTests/bin/<Configuration>/net10.0 → src/Shigan.Web/bin/<Configuration>/net10.0
    private static string WebOutputFolder()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var folder = Path.Combine(RepositoryRoot(), "src", "Shigan.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, "Shigan.Web.dll"))
            ? folder
            : throw new InvalidOperationException($"Build the solution first: no Shigan.Web.dll in {folder}");
    }
}
