// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections;
using Tessera.Configuration;
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

    // Kestrel names the address it could not bind; say which key chose it and what to do.
    private static string ListenFailure(ServeOptions serve, IOException e)
    {
        var (key, endpoint) = e.Message.Contains($":{serve.Admin.Port}:", StringComparison.Ordinal) && serve.Admin.Port != 0
            ? ("serve.admin.port", serve.Admin)
            : ("serve.public.port", serve.Public);
        var cause = e.InnerException is AddressInUseException ? "the address is already in use" : e.InnerException?.Message ?? e.Message;
        return $"cannot listen on {endpoint.Host}:{endpoint.Port} ({key}): {cause}; stop the process that holds it or set {key} "
            + $"(env {key.ToUpperInvariant().Replace('.', '_')}) to a free port";
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
                throw new CliFailure(ListenFailure(ServeOptions.Bind(config), e));
            }

            return 0;
        });
    }
}
