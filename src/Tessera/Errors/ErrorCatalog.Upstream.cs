// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Failures of the systems Tessera calls (webhooks, SMTP, providers) and of its own configuration.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor UpstreamError = new(
        "upstream_error", 502,
        "An upstream server failed.",
        "An upstream server answered with an error or a malformed or unexpected response.",
        "A system Tessera calls during the request (a webhook, an identity provider) failed or refused the request.",
        "Retry with back-off. Operators: the admin hook execution log and the server log name the upstream URL and its answer.");

    public static readonly ErrorDescriptor InvalidConfiguration = new(
        "invalid_configuration", 500,
        "Invalid configuration.",
        "One or more configuration values are invalid. Please report this to the system administrator.",
        "A configuration value that could only be checked while serving the request turned out to be unusable.",
        "Fix the configuration key named in the server log and restart.");
}
