// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Mvc;
using Tessera.Courier;
using Tessera.Errors;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// GET  /console/courier                 the outbox, newest first (?status= one of queued, processing, sent, logged, abandoned)
/// POST /console/courier/{id}/resend     an abandoned message queued again, or a retrying one due now
/// Bodies are never shown: they carry codes and links that act as passwords. Both of one project (<c>?project=</c>;
/// the default project without it).
/// </summary>
internal static class ConsoleCourierEndpoints
{
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapConsoleCourierEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var console = endpoints.MapConsoleProjectPages(ConsoleSection.Courier);
        console.MapGet("/console/courier", ListMessages);
        console.MapPost("/console/courier/{id:guid}/resend", ResendMessage);
        return endpoints;
    }

    private static async Task<IResult> ListMessages(HttpContext context, CourierStore store, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        var page = new ConsolePage(context, ConsoleSection.Courier);
        if (ConsoleNotices.Of(context.Request) is { } notice)
        {
            page.Notice(page.T(notice));
        }

        status = CourierMessageStatus.All.Contains(status) ? status : null;
        page.Add(ConsoleProjectSwitch.Render(page, ConsoleProjectScope.Of(context), ConsoleSection.Courier.Path));
        var filter = new HtmlMarkup().Open("p", ("class", "filters")).Open("a", ("href", page.Link(ConsoleSection.Courier.Path))).Text(page.T(PageTexts.ConsoleAll)).Close("a");
        foreach (var option in CourierMessageStatus.All)
        {
            filter.Text(" · ").Open("a", ("href", page.Link($"{ConsoleSection.Courier.Path}?status={option}")), ("aria-current", option == status ? "page" : null)).Text(option).Close("a");
        }

        page.Add(filter.Close("p"));
        var messages = await store.ListAsync(new CourierMessageQuery(status, null, PageSize, null), cancellationToken);
        return page.Add(Table(page, messages.Take(PageSize).ToList())).ToResult();
    }

    private static async Task<IResult> ResendMessage(Guid id, HttpContext context, CourierStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return ConsolePage.Failed(context, ConsoleSection.Courier, ErrorCatalog.CourierMessageNotFound);
        }

        // Already sent, or being sent: there is nothing to resend (the list shows its state).
        return await store.RequeueAsync(id, cancellationToken)
            ? new ConsoleRedirect($"{ConsoleSection.Courier.Path}?done=resent")
            : new ConsoleRedirect(ConsoleSection.Courier.Path);
    }

    private static HtmlMarkup Table(ConsolePage page, IReadOnlyList<CourierMessage> messages)
    {
        var table = new HtmlMarkup();
        if (messages.Count == 0)
        {
            return table.Element("p", page.T(PageTexts.ConsoleNoResults));
        }

        table.Open("table", ("class", "courier")).Open("thead").Open("tr");
        foreach (var heading in new[] { PageTexts.ConsoleCreatedAt, PageTexts.ConsoleStatus, PageTexts.ConsoleRecipient, PageTexts.ConsoleTemplate, PageTexts.ConsoleRetries, PageTexts.ConsoleLastError })
        {
            table.Element("th", page.T(heading), ("scope", "col"));
        }

        table.Element("th", string.Empty).Close("tr").Close("thead").Open("tbody");
        foreach (var message in messages)
        {
            var lastError = message.Dispatches.LastOrDefault(d => d.Status == MessageDispatch.Failed)?.Error?.GetValueOrDefault("id");
            table.Open("tr", ("data-message-id", message.Id.ToString()), ("data-status", message.Status))
                .Element("td", ConsolePage.Time(message.CreatedAt))
                .Element("td", message.Status)
                .Element("td", message.Recipient)
                .Element("td", message.TemplateType)
                .Element("td", message.SendCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Open("td");
            if (lastError is not null)
            {
                table.Open("a", ("href", page.DocumentationUrl(lastError))).Element("code", lastError).Close("a");
            }

            table.Close("td").Open("td");
            if (message.Status is CourierMessageStatus.Abandoned or CourierMessageStatus.Queued)
            {
                table.Append(page.Form($"{ConsoleSection.Courier.Path}/{message.Id}/resend", page.T(PageTexts.ConsoleResend), "secondary"));
            }

            table.Close("td").Close("tr");
        }

        return table.Close("tbody").Close("table");
    }
}
