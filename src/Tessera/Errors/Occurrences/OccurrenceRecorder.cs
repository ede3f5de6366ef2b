// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Tessera.Persistence;
using Tessera.Ui.Messages;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// Where the hot paths hand over error occurrences and funnel steps: a bounded in-memory buffer the
/// <see cref="OccurrenceWriter"/> drains in batches off the request path. Recording never waits and never touches the
/// database: when the buffer is full the record is dropped and counted (<c>tessera.error_occurrences.dropped</c>), so
/// a slow or unreachable database costs requests nothing. Created flows, one per flow creation, are only counted
/// (<see cref="CreatedFlowCounter"/>); the buffer gets one <see cref="CreatedFlowsPending"/> to wake the writer when
/// the first count since its last drain is made. Off (<c>errors.occurrences.enabled: false</c>) it does nothing.
/// </summary>
internal sealed class OccurrenceRecorder
{
    private static readonly Meter Meter = new(ErrorMetrics.MeterName);
    private static readonly Counter<long> DroppedCounter = Meter.CreateCounter<long>(
        "tessera.error_occurrences.dropped", "{record}", "Error occurrences and funnel steps dropped because the writer's buffer was full.");

    private readonly Channel<OccurrenceRecord> _buffer;
    private readonly CreatedFlowCounter _created = new();
    private readonly TimeProvider _clock;
    private long _dropped;
    private int _createdPending;

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
        if (!Enabled)
        {
            return;
        }

        if (step != FunnelSteps.Created)
        {
            Add(new FunnelStep(_clock.GetUtcNow(), flowKind, flowId, step, errorId));
            return;
        }

        _created.Add(NetworkContext.EnteredId, flowKind, OccurrenceStore.MinuteOf(_clock.GetUtcNow()));
        if (Interlocked.Exchange(ref _createdPending, 1) == 0 && !_buffer.Writer.TryWrite(new CreatedFlowsPending(_clock.GetUtcNow())))
        {
            // A full buffer: the writer is busy draining it and takes the counts with every batch; the next creation
            // tries to wake it again. Nothing was lost, so nothing counts as dropped.
            Volatile.Write(ref _createdPending, 0);
        }
    }

    /// <summary>
    /// The created-flow counts made since the last call (the writer's side). The pending flag is cleared first, so a
    /// count made while this drains wakes the writer again.
    /// </summary>
    public List<CreatedFlows> DrainCreated()
    {
        Volatile.Write(ref _createdPending, 0);
        return _created.Drain(_clock.GetUtcNow());
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
