using System.Diagnostics;

namespace Shigan.SystemTests;

/// <summary>
/// A PostgreSQL server of one test's own (Debian's binaries, run as the postgres user, on a loopback port), so the
/// test may stop and start it without disturbing anything else.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string bin;
    private readonly string folder;

    private PostgresCluster(string bin, string folder, int port)
    {
        this.bin = bin;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Connection(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public static async Task<PostgresCluster> CreateAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql (scripts/test.sh installs them)");
        var folder = Directory.CreateTempSubdirectory("shigan-pg-").FullName;
        await RunAsync("chown", "postgres:postgres", folder);
        var cluster = new PostgresCluster(bin, folder, AppProcess.FreePort());
        await cluster.AsPostgresAsync("initdb", "-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartAsync();
        return cluster;
    }

    public Task StartAsync() => AsPostgresAsync("pg_ctl", "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "log"), "-w",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off", "start");

    /// <summary>A fast shutdown, as an operator's restart does: sessions are ended, connections cut.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(folder, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] args) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args]);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: exit {process.ExitCode}\n{await output}\n{await errors}");
        }
    }
}
