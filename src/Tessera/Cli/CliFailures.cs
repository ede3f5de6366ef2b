// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Tessera.Configuration;

namespace Tessera.Cli;

/// <summary>Turns the failures a command can expect into one line on stderr and exit code 1, never a stack trace.</summary>
internal static class CliFailures
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (ConfigurationException e)
        {
            return Fail($"invalid configuration: {e.Message}");
        }
        catch (CliFailure e)
        {
            return Fail(e.Message);
        }
        catch (DbException e)
        {
            return Fail($"cannot use the database: {e.Message}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"tessera: {message}");
        return 1;
    }
}
