using System.Globalization;
using System.Threading.RateLimiting;
using AntDesign;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Shigan.Core.Campaigns;
using Shigan.Core.Contests;
using Shigan.Core.Org;
using Shigan.Core.Projects;
using Shigan.Data;
using Shigan.Data.Access;
using Shigan.Data.Contests;
using Shigan.Web.Access;
using Shigan.Web.Api;
using Shigan.Web.Audit;
using Shigan.Web.Campaigns;
using Shigan.Web.Cases;
using Shigan.Web.Cases.Open311;
using Shigan.Web.Components;
using Shigan.Web.Contests;
using Shigan.Web.Dashboard;
using Shigan.Web.Localization;
using Shigan.Web.Org;
using Shigan.Web.Projects;
using Shigan.Web.Services.Applications;
using Shigan.Web.Services.Catalogue;
using Shigan.Web.Services.CatalogueExcel;
using Shigan.Web.Services.Trips;

namespace Shigan.Web.Hosting;

/// <summary>Wires the host: database, accounts, scope, API groups, pages.</summary>
public static class ShiganHost
{
    public const string SignInLimiter = "sign-in";
    public const string PublicLimiter = "public";

    public static WebApplicationBuilder AddShigan(this WebApplicationBuilder builder, string[] args)
    {
        // --provider / --connection are short for the Database section's keys.
        builder.Configuration.AddCommandLine(
            args,
            new Dictionary<string, string> { ["--provider"] = "Database:Provider", ["--connection"] = "Database:Connection" });
        var database = builder.Configuration.ReadDatabaseOptions(builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddShiganDatabase(database);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<ScopedWork>();
        services.AddScoped<AccountCommands>();
        services.AddMemoryCache();
        services.AddSingleton<CalendarSource>();
        services.AddSingleton(CaseSettings.From(builder.Configuration));
        services.AddScoped<CaseIntake>();
        services.AddSingleton<IntakeCommits>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeCommits>());
        services.AddScoped<CaseWork>();
        services.AddSingleton(Open311Settings.From(builder.Configuration));
        services.AddScoped<CaseAttachments>();
        services.AddHostedService<SupervisionJob>();
        IndicatorSources.AddContestSources(services);
        services.AddScoped<CampaignWork>();
        services.AddScoped<CampaignImport>();
        services.AddScoped<ProjectWork>();
        services.AddScoped<ProjectPhotos>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<ApplicationWork>();

        services.AddIdentityCore<ShiganUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = true; // "confirmed" here means: not disabled (see EnabledAccountConfirmation)
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<ShiganDb>()
            .AddClaimsPrincipalFactory<ShiganClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserConfirmation<ShiganUser>, EnabledAccountConfirmation>();
        services.AddScoped<IUserStore<ShiganUser>, ShiganUserStore>();
        // Role, unit or disabled flag changes renew the stamp; cookies are re-checked each minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Secure follows the request: the product serves http://localhost out of the box, and a cookie marked Secure
        // would never come back over plain HTTP; behind HTTPS every cookie is Secure.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "shigan.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sends DENY on every answer; antiforgery's SAMEORIGIN would be weaker and only on forms.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "shigan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // The API answers 401/403; only pages are sent to the sign-in form.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ManageAccounts, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanManageAccounts)))
            .AddPolicy(Policies.ManageDepartments, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanManageDepartments)))
            .AddPolicy(Policies.ManageRoutingRules, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanManageRoutingRules)))
            .AddPolicy(Policies.ManageGrids, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanManageGrids)))
            .AddPolicy(Policies.SetPopulation, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanSetPopulation)))
            .AddPolicy(Policies.ManageCalendar, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanManageCalendar)))
            .AddPolicy(Policies.ReadAudit, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanReadAudit)))
            .AddPolicy(Policies.ManageOpen311Clients, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanManageOpen311Clients)))
            .AddPolicy(Policies.ManageCatalogue, p => p.RequireAssertion(c => Policies.Has(c.User, RoleRules.CanManageCatalogue)))
            .AddPolicy(Policies.ManageContests, p => p.RequireAssertion(c => Policies.Has(c.User, ContestRules.CanManage)))
            .AddPolicy(Policies.ManageCampaigns, p => p.RequireAssertion(c => Policies.Has(c.User, r => CampaignRoles.MayManage(r))))
            .AddPolicy(Policies.ManageProjects, p => p.RequireAssertion(c => Policies.Has(c.User, r => ProjectRoles.MayManage(r))));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStateProvider>();
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();
        // Keys live in the database so any instance can read any cookie.
        services.AddDataProtection().SetApplicationName("Shigan").PersistKeysToDbContext<ShiganDb>();

        var signInPermits = builder.Configuration.GetValue("SignIn:PermitsPerMinute", 30);
        var publicPermits = builder.Configuration.GetValue("Public:PermitsPerMinute", 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimiter, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1) }));
            // Citizens' pages: enough for a person, not for a script filling the database.
            o.AddPolicy(PublicLimiter, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = publicPermits, Window = TimeSpan.FromMinutes(1) }));
            // The window's own remaining time when the limiter knows it, else a whole window.
            o.OnRejected = (ctx, _) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownFailureHandler>();
        // A body the API cannot read is thrown to KnownFailureHandler, which names the field of a value of the wrong kind.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<ShiganDb>("database");

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        services.AddProxyHeaders(builder.Configuration);
        return builder;
    }

    public static async Task UseShiganAsync(this WebApplication app)
    {
        await StartupTasks.RunAsync(app);

        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Only ever sent over HTTPS (and never for localhost): a site served over plain HTTP is unaffected.
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UsePublicActor();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UsePublicReportForm();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapAccountEndpoints();
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<QueryTextFilter>();
        api.MapMeApi();
        api.MapRegionsApi();
        api.MapDepartmentsApi();
        api.MapRoutingRulesApi();
        api.MapHolidaysApi();
        api.MapAccountsApi();
        api.MapAuditApi();
        api.MapCasesApi();
        api.MapOpen311ClientsApi();
        api.MapCaseAttachmentsApi();
        api.MapCatalogueApi();
        api.MapCatalogueExcelApi();
        api.MapTripsApi();
        api.MapContestsApi();
        api.MapCampaignsApi();
        api.MapProjectsApi();
        api.MapProjectPhotosApi();
        api.MapApplicationsApi();
        api.MapApplicationFiguresApi();
        api.MapDashboardApi();
        app.MapPublicCasesApi();
        app.MapPublicCaseAttachmentsApi();
        app.MapPublicApplicationsApi();
        app.MapOpen311Api();

        // Stylesheets and scripts are public: the sign-in page needs them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        // Blazor would send its own "frame-ancestors 'self'" policy, which would stand in for the whole of ours.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
