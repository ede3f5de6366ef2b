// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Diagnostics;
using Tessera.Configuration;
using Tessera.Hashing;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera hashers argon2 calibrate &lt;duration&gt; [--memory 128MB]</c>: finds argon2id parameters that take
/// about the target duration per hash on this machine and prints them as configuration.
/// </summary>
internal static class HashersCommand
{
    private static readonly Argument<string> Duration = new("duration") { Description = "The target time per hash, e.g. 500ms or 1s." };
    private static readonly Option<string> Memory = new("--memory") { Description = "Memory per hash.", DefaultValueFactory = _ => "128MB" };
    private static readonly Option<int> Parallelism = new("--parallelism") { Description = "Lanes (default 2 x CPUs).", DefaultValueFactory = _ => 2 * Environment.ProcessorCount };

    public static Command Create()
    {
        var calibrate = new Command("calibrate", "Print argon2id parameters that take about <duration> per hash on this machine.");
        calibrate.Arguments.Add(Duration);
        calibrate.Options.Add(Memory);
        calibrate.Options.Add(Parallelism);
        calibrate.SetAction((parse, _) => CliFailures.GuardAsync(() => Task.FromResult(Calibrate(parse))));

        var argon2 = new Command("argon2", "The argon2id hasher.");
        argon2.Subcommands.Add(calibrate);
        var hashers = new Command("hashers", "Password hashers.");
        hashers.Subcommands.Add(argon2);
        return hashers;
    }

    private static int Calibrate(ParseResult parse)
    {
        if (!GoDuration.TryParse(parse.GetValue(Duration), out var target) || target <= TimeSpan.Zero || target > TimeSpan.FromMinutes(1))
        {
            throw new CliFailure("the duration must be like 500ms or 1s (at most 1m)");
        }

        if (!ByteSize.TryParse(parse.GetValue(Memory)!, out var memory) || memory < 1 << 20 || memory > HashImportLimits.Argon2MaxMemoryKiB * 1024L)
        {
            throw new CliFailure("--memory must be a size between 1MB and 4096MB, like 128MB");
        }

        var parallelism = (uint)Math.Clamp(parse.GetValue(Parallelism), 1, 255);
        var parameters = new Argon2Parameters((uint)(memory / 1024), 1, parallelism, 16, 32);
        var elapsed = Measure(parameters);
        while (elapsed > target && parameters.MemoryKiB >= 2 * 1024)
        {
            parameters = parameters with { MemoryKiB = parameters.MemoryKiB / 2 };
            elapsed = Measure(parameters);
        }

        while (elapsed < target && parameters.Iterations < HashImportLimits.Argon2MaxIterations)
        {
            var next = parameters with { Iterations = parameters.Iterations + 1 };
            var nextElapsed = Measure(next);
            if (nextElapsed > target + ((target - elapsed) / 2))
            {
                break;
            }

            (parameters, elapsed) = (next, nextElapsed);
        }

        Console.Out.WriteLine($"# about {elapsed.TotalMilliseconds:0} ms per hash on this machine");
        Console.Out.WriteLine("hashers:");
        Console.Out.WriteLine("  algorithm: argon2");
        Console.Out.WriteLine("  argon2:");
        Console.Out.WriteLine($"    memory: {ByteSize.Format(parameters.MemoryKiB * 1024L)}");
        Console.Out.WriteLine($"    iterations: {parameters.Iterations}");
        Console.Out.WriteLine($"    parallelism: {parameters.Parallelism}");
        Console.Out.WriteLine($"    salt_length: {parameters.SaltLength}");
        Console.Out.WriteLine($"    key_length: {parameters.KeyLength}");
        return 0;
    }

    /// <summary>The median of three hashes.</summary>
    private static TimeSpan Measure(Argon2Parameters parameters)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            Argon2Format.Hash("calibration password", parameters);
            samples.Add(watch.Elapsed);
        }

        return samples.Order().ElementAt(1);
    }
}
