// SPDX-License-Identifier: Apache-2.0
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tessera.Configuration;
using Tessera.Courier;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.Observability;

/// <summary>
/// Metrics and traces through OpenTelemetry. <c>/metrics</c> on the admin listener (behind the admin keys when
/// <c>serve.admin.auth</c> requires them) in Prometheus text: requests by route and status (ASP.NET Core's
/// <c>http.server.request.duration</c>), errors and UI messages by id, flows by kind and outcome, web hook latency,
/// password hashing time, the courier queue, and PostgreSQL's connection pool (Npgsql's meter). Spans are exported
/// over OTLP only when <c>tracing.provider: otel</c> is configured (<see cref="TracingOptions"/>).
/// </summary>
internal static class ObservabilityRegistration
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddObservability(this IServiceCollection services, ConfigurationTree config)
    {
        var tracing = TracingOptions.Bind(config);
        services.AddSingleton(tracing);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(tracing.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(TesseraMeter.Name, ErrorMetrics.MeterName, CourierQueueGauge.MeterName, "Microsoft.AspNetCore.Hosting", "Npgsql")
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (tracing.Enabled)
        {
            telemetry.WithTracing(traces => traces
                .AddSource("Microsoft.AspNetCore")
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(tracing.SamplingRatio)))
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = tracing.OtlpEndpoint!;
                    otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                }));
        }

        return services;
    }

    /// <summary><c>GET /metrics</c> on the admin listener; the courier queue is counted just before each scrape.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDeploymentAdminApi().MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<CourierQueueGauge>().RefreshAsync(context.RequestAborted);
            await next(context);
        }), optionsName: null).WithName("ScrapeMetrics");
        return endpoints;
    }
}
