using System.Diagnostics;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>Runs the built Shigan.Web executable (a verb, or the host itself) as an operator does, against a test database.</summary>
internal static class ShiganCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public sealed record Outcome(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Errors}";
    }

    public static async Task<Outcome> RunAsync(string connection, params string[] verbAndArguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A folder of its own, so the verb cannot fall back to some data/shigan.db lying around.
            WorkingDirectory = Directory.CreateTempSubdirectory("shigan-cli-").FullName,
        };
        // The verb (if any) first; the test database next; then the other arguments, which may override it.
        var verb = verbAndArguments.Length > 0 && !verbAndArguments[0].StartsWith('-') ? verbAndArguments[..1] : [];
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Shigan.Web.dll"));
        foreach (var argument in verb.Concat([$"--Database:Provider={TestDatabase.Provider}", $"--Database:Connection={connection}"]).Concat(verbAndArguments[verb.Length..]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Shigan.Web");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Shigan.Web {string.Join(' ', verbAndArguments)} did not finish within {Limit}.");
        }

        Directory.Delete(start.WorkingDirectory, recursive: true);
        return new Outcome(process.ExitCode, await output, await errors);
    }
}
