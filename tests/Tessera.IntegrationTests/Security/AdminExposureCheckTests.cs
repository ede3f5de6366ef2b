// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Configuration;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Security.ApiKeys;

namespace Tessera.IntegrationTests.Security;

/// <summary>
/// The start-up warning for an exposed admin listener. Tests never bind a non-loopback address, so the check runs
/// against the server's real key store with the admin host it would have been given.
/// </summary>
public sealed class AdminExposureCheckTests
{
    [Theory]
    [InlineData("0.0.0.0", "auto", false, true)]
    [InlineData("10.1.2.3", "false", true, true)]
    [InlineData("0.0.0.0", "auto", true, false)]
    [InlineData("0.0.0.0", "true", false, false)]
    [InlineData("127.0.0.1", "auto", false, false)]
    [InlineData("::1", "false", false, false)]
    public async Task Startup_WarnsOnlyWhenTheAdminListenerIsReachableWithoutKeys(string host, string required, bool keyExists, bool warns)
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set("serve.admin.host", System.Text.Json.Nodes.JsonValue.Create(host));
        config.Set("serve.admin.auth.required", System.Text.Json.Nodes.JsonValue.Create(required));
        var options = AdminAuthOptions.Bind(config);
        var service = ActivatorUtilities.CreateInstance<ApiKeyService>(server.Services, options);
        if (keyExists)
        {
            await service.CreateAsync(ApiKeyKind.Admin, "existing", null);
        }

        var logger = new CapturingLogger();
        await new AdminExposureCheck(ServeOptions.Bind(config), options, service, logger).WarnIfExposedAsync(CancellationToken.None);

        logger.Warnings.Count.ShouldBe(warns ? 1 : 0);
    }

    private sealed class CapturingLogger : ILogger<AdminExposureCheck>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
