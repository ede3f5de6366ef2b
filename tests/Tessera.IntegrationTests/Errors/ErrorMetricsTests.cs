// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.Metrics;
using Tessera.Errors;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Errors;

public sealed class ErrorMetricsTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task AnsweredError_IsCountedWithItsIdAndStatus()
    {
        var seen = new List<(long Value, string? Id, int? Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ErrorMetrics.MeterName && instrument.Name == ErrorMetrics.CounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? id = null;
            int? status = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "error.id")
                {
                    id = tag.Value as string;
                }
                else if (tag.Key == "http.response.status_code")
                {
                    status = tag.Value as int?;
                }
            }

            lock (seen)
            {
                seen.Add((value, id, status));
            }
        });
        listener.Start();

        using var response = await fixture.Server.Public.GetAsync("/no/such/path");

        lock (seen)
        {
            seen.ShouldContain(m => m.Id == "not_found" && m.Status == 404 && m.Value == 1);
        }
    }
}
