// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting;

/// <summary>
/// <c>serve.shutdown_timeout</c> (default 30s): on SIGTERM or Ctrl+C the listeners stop accepting, the courier and
/// the janitor stop, and requests already in flight get this long to finish before their connections are closed
/// (Kratos users run rolling deploys). The host's console lifetime handles the signal; <c>tessera serve</c> keeps
/// System.CommandLine from ending the process earlier (<see cref="Cli.TesseraCommandLine"/>).
/// </summary>
internal static class ShutdownRegistration
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, ConfigurationTree config)
    {
        var timeout = config.GetDuration("serve.shutdown_timeout", DefaultTimeout);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
        return services;
    }
}
