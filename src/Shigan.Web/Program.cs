using Shigan.Web.Cli;
using Shigan.Web.Hosting;

// One executable: no verb runs the web host; a verb (migrate, seed, create-user, backup, restore) does its job and exits.
var (verb, rest) = CliVerbs.Split(args);
try
{
    var builder = WebApplication.CreateBuilder(rest);
    builder.AddShigan(rest);
    var app = builder.Build();
    if (verb is not null)
    {
        return await CliVerbs.RunAsync(app, verb);
    }

    await app.UseShiganAsync();
    await app.RunAsync();
    return 0;
}
catch (StartupProblemException problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}
