// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections;
using Tessera.Hosting;

namespace Tessera.Cli;

/// <summary><c>tessera serve [--config f.yml] [--dev] [--migrate]</c>: runs both APIs until stopped.</summary>
internal static class ServeCommand
{
    private static readonly Option<bool> Migrate = new("--migrate")
    {
        Description = "Apply pending SQL migrations before serving (always done for SQLite).",
    };

    public const string Name = "serve";

    public static Command Create()
    {
        var command = new Command(Name, "Run the public and admin APIs.");
        command.Options.Add(Migrate);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        return await CliFailures.GuardAsync(async () =>
        {
            var config = CliOptions.Load(parse);
            if (parse.GetValue(Migrate))
            {
                config.Set("serve.migrate", JsonValue.Create("true"));
            }

            try
            {
                await using var app = await ServerStartup.StartAsync(config, null, cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException or SocketException)
            {
                throw new CliFailure($"cannot listen: {e.Message}");
            }

            return 0;
        });
    }
}
