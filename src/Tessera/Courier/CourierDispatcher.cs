// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier.Channels;
using Tessera.Errors;
using Tessera.Persistence;

namespace Tessera.Courier;

/// <summary>
/// One poll of the outbox: claim a batch, hand each message to its channel (e-mail, SMS), record the outcome. A failed attempt
/// is retried after 1s, 2s, 4s, ... (capped), and after <c>courier.message_retries</c> retries the message is
/// abandoned. Each failed attempt is logged and recorded on its dispatch with its catalog id (<see cref="CourierFailures"/>),
/// an abandoned message with <c>courier_send_failed</c>, and counted as errors are. <see cref="CourierWorker"/> calls it in
/// a loop; tests call it directly with a fake clock.
/// </summary>
internal sealed partial class CourierDispatcher(
    CourierStore store, CourierChannels channels, CourierOptions options, NetworkContext network, TimeProvider clock, ErrorMetrics metrics,
    ILogger<CourierDispatcher> logger)
{
    private const int MaxErrorLength = 500;

    /// <summary>This process's identity in the claims it holds.</summary>
    public Guid WorkerId { get; } = Guid.NewGuid();

    /// <summary>
    /// One batch of every project's outbox (each project entered in turn: messages carry their project's nid); returns
    /// the most one project's batch claimed, so a full batch anywhere polls again at once. The projects are read at most
    /// every <see cref="NetworkContext.IdsCacheLifetime"/>, not every round.
    /// </summary>
    public async Task<int> ProcessEveryProjectAsync(CancellationToken cancellationToken = default)
    {
        var largest = 0;
        foreach (var projectId in await network.ListCachedIdsAsync(cancellationToken))
        {
            using var project = NetworkContext.Enter(projectId);
            largest = Math.Max(largest, await ProcessBatchAsync(cancellationToken));
        }

        return largest;
    }

    /// <summary>Processes one batch of the current project; returns how many messages it claimed.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken = default)
    {
        var batch = await store.ClaimAsync(WorkerId, options.PullCount, options.ClaimLease, cancellationToken);
        var attempted = 0;
        try
        {
            foreach (var message in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempted++;
                await DeliverAsync(message, cancellationToken);
            }
        }
        finally
        {
            // Stopping mid-batch: give the rest back now rather than after the lease runs out.
            await store.ReleaseAsync(batch.Skip(attempted).Select(m => m.Id).ToList(), WorkerId, CancellationToken.None);
        }

        return batch.Count;
    }

    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based): base × 2^(attempt-1), capped.</summary>
    public static TimeSpan RetryDelay(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var delay = CourierOptions.RetryBase * Math.Pow(2, exponent);
        return delay < CourierOptions.RetryCap ? delay : CourierOptions.RetryCap;
    }

    private async Task DeliverAsync(CourierMessage message, CancellationToken cancellationToken)
    {
        string? error = null;
        ErrorDescriptor? failure = null;
        var channel = channels.For(message);
        try
        {
            await channel.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: nothing is recorded; the claim's lease runs out and another poll retries it.
            throw;
        }
        catch (Exception e)
        {
            error = Describe(e);
            failure = CourierFailures.Classify(e);
        }

        var now = clock.GetUtcNow();
        var attempts = message.SendCount + 1;
        var (status, next) = error is null
            ? (channel.DeliveredStatus, message.NextAttemptAt)
            : attempts > options.MessageRetries
                ? (CourierMessageStatus.Abandoned, message.NextAttemptAt)
                : (CourierMessageStatus.Queued, now + RetryDelay(attempts));
        var abandoned = status == CourierMessageStatus.Abandoned;
        var dispatch = new MessageDispatch(Guid.NewGuid(), message.Id, error is null ? MessageDispatch.Success : MessageDispatch.Failed,
            failure is null ? null : DispatchError(failure, abandoned, error!), now, now);

        if (!await store.RecordAttemptAsync(message, WorkerId, status, dispatch, next, CancellationToken.None))
        {
            LogClaimLost(logger, message.Id);
        }
        else if (error is null)
        {
            LogSent(logger, message.Id, message.TemplateType, attempts, status);
        }
        else if (abandoned)
        {
            metrics.Record(failure!);
            metrics.Record(ErrorCatalog.CourierSendFailed);
            LogAbandoned(logger, message.Id, attempts, ErrorCatalog.CourierSendFailed.Id, failure!.Id, error!);
        }
        else
        {
            metrics.Record(failure!);
            LogRetrying(logger, message.Id, attempts, failure!.Id, next, error!);
        }
    }

    // The attempt's id and text; the last attempt of an abandoned message is courier_send_failed, caused by the attempt's id.
    private static Dictionary<string, string> DispatchError(ErrorDescriptor failure, bool abandoned, string error) => abandoned
        ? new Dictionary<string, string> { ["id"] = ErrorCatalog.CourierSendFailed.Id, ["cause"] = failure.Id, ["message"] = error }
        : new Dictionary<string, string> { ["id"] = failure.Id, ["message"] = error };

    // The exception's own message (and its inner one: SmtpClient wraps socket errors), never the message content.
    private static string Describe(Exception e)
    {
        var text = e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Courier delivered message {MessageId} ({TemplateType}) on attempt {Attempt}: {Status}")]
    private static partial void LogSent(ILogger logger, Guid messageId, string templateType, int attempt, string status);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "Courier could not send message {MessageId} (attempt {Attempt}, {ErrorId}); retrying at {NextAttemptAt}: {Error}")]
    private static partial void LogRetrying(ILogger logger, Guid messageId, int attempt, string errorId, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(EventId = 612, Level = LogLevel.Error, Message = "Courier abandoned message {MessageId} after {Attempts} attempts (courier.message_retries), {ErrorId} caused by {CauseId}: {Error}")]
    private static partial void LogAbandoned(ILogger logger, Guid messageId, int attempts, string errorId, string causeId, string error);

    [LoggerMessage(EventId = 613, Level = LogLevel.Warning, Message = "Courier attempted message {MessageId} after its claim ran out; another worker may have sent it too")]
    private static partial void LogClaimLost(ILogger logger, Guid messageId);
}
