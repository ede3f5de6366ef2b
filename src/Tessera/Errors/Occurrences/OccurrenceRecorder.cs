// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Tessera.Ui.Messages;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// Where the hot paths hand over error occurrences and funnel steps: a bounded in-memory buffer the
/// <see cref="OccurrenceWriter"/> drains in batches off the request path. Recording never waits and never touches the
/// database: when the buffer is full the record is dropped and counted (<c>tessera.error_occurrences.dropped</c>), so
/// a slow or unreachable database costs requests nothing. Off (<c>errors.occurrences.enabled: false</c>) it does nothing.
/// </summary>
internal sealed class OccurrenceRecorder
{
    private static readonly Meter Meter = new(ErrorMetrics.MeterName);
    private static readonly Counter<long> DroppedCounter = Meter.CreateCounter<long>(
        "tessera.error_occurrences.dropped", "{record}", "Error occurrences and funnel steps dropped because the writer's buffer was full.");

    private readonly Channel<OccurrenceRecord> _buffer;
    private readonly TimeProvider _clock;
    private long _dropped;

    public OccurrenceRecorder(OccurrenceOptions options, TimeProvider clock)
    {
        Enabled = options.Enabled;
        _clock = clock;
        // Wait mode: TryWrite answers false when full instead of evicting, so the drop is seen and counted here.
        _buffer = Channel.CreateBounded<OccurrenceRecord>(new BoundedChannelOptions(options.BufferSize)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = false,
        });
    }

    public bool Enabled { get; }

    /// <summary>Records dropped since start because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<OccurrenceRecord> Reader => _buffer.Reader;

    /// <summary>An error answered to this request (its id and status, the route, and the flow when the route is a flow's).</summary>
    public void Error(HttpContext context, ErrorDescriptor error)
    {
        if (!Enabled)
        {
            return;
        }

        var (flowKind, flowId) = RequestPlace.FlowOf(context);
        Add(new ErrorOccurrence(_clock.GetUtcNow(), OccurrenceKinds.Error, error.Id, error.Status, flowKind, flowId,
            RequestPlace.Endpoint(context), RequestPlace.RequestId(context)));
    }

    /// <summary>A message a flow answer carries (wrong password: 4000006), with the answer's status.</summary>
    public void Message(HttpContext context, string flowKind, Guid flowId, UiText message, int status)
    {
        if (!Enabled)
        {
            return;
        }

        Add(new ErrorOccurrence(_clock.GetUtcNow(), OccurrenceKinds.Message, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            status, flowKind, flowId, RequestPlace.Endpoint(context), RequestPlace.RequestId(context)));
    }

    /// <summary>A flow's step for the funnel; <paramref name="errorId"/> names what a failed step failed with.</summary>
    public void Step(string flowKind, Guid flowId, string step, string? errorId = null)
    {
        if (Enabled)
        {
            Add(new FunnelStep(_clock.GetUtcNow(), flowKind, flowId, step, errorId));
        }
    }

    private void Add(OccurrenceRecord record)
    {
        if (!_buffer.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _dropped);
            DroppedCounter.Add(1);
        }
    }
}
