// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Courier;
using Tessera.Errors;
using Tessera.Hosting.Outbound;
using Tessera.Logging;
using Tessera.Persistence;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera courier watch [--migrate]</c>: runs only the courier worker (no listeners) until stopped, as Kratos's
/// command does, for deployments that keep the courier apart from the API nodes.
/// </summary>
internal static class CourierCommand
{
    private static readonly Option<bool> Migrate = new("--migrate")
    {
        Description = "Apply pending SQL migrations before starting (always done for SQLite).",
    };

    public static Command Create()
    {
        var watch = new Command("watch", "Deliver queued messages until stopped.");
        watch.Options.Add(Migrate);
        watch.SetAction((parse, ct) => CliFailures.GuardAsync(() => WatchAsync(parse, ct)));

        var courier = new Command("courier", "Run the message courier.");
        courier.Subcommands.Add(watch);
        return courier;
    }

    private static async Task<int> WatchAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var config = CliOptions.Load(parse);
        if (parse.GetValue(Migrate))
        {
            config.Set("serve.migrate", JsonValue.Create("true"));
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(ServeOptions.Bind(config));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTesseraLogging(config);
        builder.Services.AddPersistence(config);
        builder.Services.AddOutboundHttp(config);
        builder.Services.AddErrorMetrics();
        builder.Services.AddCourier(config);
        // The host disposes the database asynchronously (it is IAsyncDisposable only).
        var host = builder.Build();
        await using var disposal = (IAsyncDisposable)host;
        await host.Services.GetRequiredService<StorageInitializer>().InitialiseAsync(cancellationToken);
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (Ctrl-C, SIGTERM): a normal end.
        }

        return 0;
    }
}
