using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shigan.Data.Access;
using Shigan.Testing;
using Shigan.Web.Tests.Support;

namespace Shigan.Web.Tests;

/// <summary>
/// Sign-in does not tell whether an account exists: an unknown name and a wrong password get the same answer after the
/// same work, one check of a password against a hash by Identity's hasher (so not even the time taken differs much).
/// </summary>
public sealed class SignInEnumerationTests(SignInEnumerationTests.CountingApp app) : IClassFixture<SignInEnumerationTests.CountingApp>
{
    /// <summary>The host with Identity's own hasher, counted.</summary>
    public sealed class CountingApp : ShiganApp
    {
        internal CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ShiganUser>>(Hasher));
        }
    }

    internal sealed class CountingHasher : IPasswordHasher<ShiganUser>
    {
        private readonly PasswordHasher<ShiganUser> identity = new();
        private int verified;

        public int Verified => Volatile.Read(ref verified);

        public string HashPassword(ShiganUser user, string password) => identity.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ShiganUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return identity.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer_after_the_same_password_check()
    {
        using var client = app.Anonymous();
        var token = await SignInForm.TokenAsync(client);

        var before = app.Hasher.Verified;
        using var unknown = await SignInForm.PostAsync(client, "no.such.user", "Wrong#2026x", token);
        var forUnknown = app.Hasher.Verified - before;
        before = app.Hasher.Verified;
        using var wrong = await SignInForm.PostAsync(client, "mengqiao.grid", "Wrong#2026x", token);
        var forWrong = app.Hasher.Verified - before;

        Assert.Equal(("invalid", "invalid"), (SignInForm.ErrorOf(unknown), SignInForm.ErrorOf(wrong)));
        Assert.Equal(
            unknown.Headers.Location!.ToString().Replace("no.such.user", "NAME", StringComparison.Ordinal),
            wrong.Headers.Location!.ToString().Replace("mengqiao.grid", "NAME", StringComparison.Ordinal));
        Assert.Equal((1, 1), (forUnknown, forWrong));
        Assert.False(SignInForm.SetsAuthCookie(unknown) || SignInForm.SetsAuthCookie(wrong));
    }
}
