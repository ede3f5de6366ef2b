// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Configuration;

namespace Tessera.Observability;

/// <summary>
/// Ory's <c>tracing</c> keys, of which Tessera implements the OpenTelemetry one: <c>provider: otel</c> exports spans over
/// OTLP/HTTP to <c>providers.otlp.server_url</c> (<c>host:port</c>, as Ory writes it; <c>/v1/traces</c> is appended;
/// <c>insecure: true</c> for plain HTTP), sampled at <c>providers.otlp.sampling.sampling_ratio</c> (default 1), named
/// <c>service_name</c> (default tessera). Off when <c>provider</c> is unset; another provider is ignored with a start-up warning.
/// </summary>
internal sealed record TracingOptions(bool Enabled, string ServiceName, Uri? OtlpEndpoint, double SamplingRatio)
{
    public const string OtelProvider = "otel";

    public static TracingOptions Bind(ConfigurationTree config)
    {
        var serviceName = config.GetString("tracing.service_name") is { Length: > 0 } name ? name : "tessera";
        var provider = config.GetString("tracing.provider");
        if (string.IsNullOrEmpty(provider))
        {
            return new TracingOptions(false, serviceName, null, 1);
        }

        if (provider != OtelProvider)
        {
            config.AddNotice("tracing.provider", $"only \"{OtelProvider}\" is supported; \"{provider}\" is ignored and no traces are exported");
            return new TracingOptions(false, serviceName, null, 1);
        }

        var server = config.GetString("tracing.providers.otlp.server_url");
        if (string.IsNullOrEmpty(server))
        {
            throw new ConfigurationException("tracing.providers.otlp.server_url", "tracing.provider otel needs the collector's host:port");
        }

        var scheme = config.GetBool("tracing.providers.otlp.insecure", false) ? "http" : "https";
        var address = server.Contains("://", StringComparison.Ordinal) ? server : $"{scheme}://{server}";
        if (!Uri.TryCreate(address.TrimEnd('/') + "/v1/traces", UriKind.Absolute, out var endpoint))
        {
            throw new ConfigurationException("tracing.providers.otlp.server_url", $"expected host:port, got \"{server}\"");
        }

        var ratio = config.GetNode("tracing.providers.otlp.sampling.sampling_ratio") is { } node
            && double.TryParse(node.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
        if (ratio is < 0 or > 1)
        {
            throw new ConfigurationException("tracing.providers.otlp.sampling.sampling_ratio", "expected a number from 0 to 1");
        }

        return new TracingOptions(true, serviceName, endpoint, ratio);
    }
}
