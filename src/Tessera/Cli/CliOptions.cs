// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Configuration;

namespace Tessera.Cli;

/// <summary>Options every command shares, and how they become the configuration tree.</summary>
internal static class CliOptions
{
    public static readonly Option<string[]> Config = new("--config", "-c")
    {
        Description = "Path to a YAML configuration file; repeat to merge several (later files win).",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<bool> Dev = new("--dev")
    {
        Description = "Development mode: cookies without Secure, debug details in errors. Never in production.",
        Recursive = true,
    };

    public static ConfigurationTree Load(ParseResult parse)
    {
        var config = ConfigurationTree.Load(parse.GetValue(Config) ?? [], ConfigurationTree.ProcessEnvironment());
        if (parse.GetValue(Dev))
        {
            config.Set("dev", JsonValue.Create("true"));
        }

        return config;
    }
}
