using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Data;
using Shigan.Testing;

namespace Shigan.Web.Tests.Support;

/// <summary>
/// The real host with a hook the test arms to run once, just before the next database transaction begins: another
/// user's request landing between what a long write has read and what it writes (an import begins its transaction
/// at its first write).
/// </summary>
public sealed class TransactionHookApp : ShiganApp
{
    public TransactionHook Hook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<ShiganDb>(options => options.AddInterceptors(Hook)));
    }
}

/// <summary>Runs the armed action once, before the transaction that follows; the transactions it begins itself pass.</summary>
public sealed class TransactionHook : DbTransactionInterceptor
{
    private Func<Task>? next;

    public void Once(Func<Task> action) => next = action;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref next, null) is { } action)
        {
            await action();
        }

        return result;
    }
}
