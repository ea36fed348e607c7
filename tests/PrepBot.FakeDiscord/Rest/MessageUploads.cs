using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>One <c>files[n]</c> part of a <c>multipart/form-data</c> request.</summary>
internal sealed record UploadedFile(string Index, string Filename, string ContentType, byte[] Content);

/// <summary>A message body (JSON, or <c>payload_json</c> of a multipart request) and the files uploaded with it.</summary>
internal sealed record MessageRequest(JsonObject Body, IReadOnlyList<UploadedFile> Files);

/// <summary>An attachment accepted with a message, waiting to be recorded with it.</summary>
internal sealed record PendingFile(string AttachmentId, byte[] Content);

/// <summary>
/// Discord's file uploads: a JSON body, or <c>multipart/form-data</c> with the JSON in <c>payload_json</c> and each file in
/// <c>files[n]</c>. The body's <c>attachments</c> array names each new file by <c>id</c> n (and may set its filename and
/// description) and, on edits, the existing attachments to keep by their ids; without the array every uploaded file is
/// attached (and on edits added to the ones the message has). An entry naming no upload and no existing attachment is
/// refused with 50035 <c>ATTACHMENT_NOT_FOUND</c>, as Discord does.
/// </summary>
internal static partial class MessageUploads
{
    public const int MaxFiles = 10;
    public const int MaxDescriptionLength = 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static async Task<MessageRequest> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return new MessageRequest(await RequestBody.ReadObjectAsync(request), []);
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        JsonObject body;
        try
        {
            var payload = form["payload_json"].ToString();
            body = payload.Length == 0 ? [] : JsonNode.Parse(payload) as JsonObject ?? throw new InvalidJsonBodyException();
        }
        catch (JsonException)
        {
            throw new InvalidJsonBodyException();
        }

        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            if (FilePart().Match(file.Name) is not { Success: true } match)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            files.Add(new UploadedFile(match.Groups[1].Value, file.FileName, file.ContentType ?? "application/octet-stream", buffer.ToArray()));
        }

        return new MessageRequest(body, files);
    }

    /// <summary>
    /// The message's attachments after this request, or null when the request leaves them as they are (no
    /// <c>attachments</c> array and no files). <paramref name="pending"/> gets the new files' bytes, to record once the
    /// request is accepted.
    /// </summary>
    public static JsonArray? Resolve(
        JsonObject body, IReadOnlyList<UploadedFile> files, JsonArray? existing, string channelId, bool ephemeral,
        FakeDiscordState state, FormErrors errors, List<PendingFile> pending, string path = "")
    {
        var attachmentsPath = FormErrors.Join(path, "attachments");
        if (files.Count > MaxFiles)
        {
            errors.MaxLength("files", MaxFiles);
            return null;
        }

        var requested = body["attachments"] as JsonArray;
        if (requested is null)
        {
            if (files.Count == 0)
            {
                return null;
            }

            var appended = existing is null ? new JsonArray() : (JsonArray)existing.DeepClone();
            foreach (var file in files)
            {
                appended.Add(Upload(file, null, null, channelId, ephemeral, state, pending));
            }

            return appended;
        }

        if (requested.Count > MaxFiles)
        {
            errors.MaxLength(attachmentsPath, MaxFiles);
            return null;
        }

        var result = new JsonArray();
        for (var i = 0; i < requested.Count; i++)
        {
            var entryPath = FormErrors.Join(attachmentsPath, i);
            if (requested[i] is not JsonObject entry || Id(entry["id"]) is not { } id)
            {
                errors.Required(FormErrors.Join(entryPath, "id"));
                continue;
            }

            var description = (entry["description"] as JsonValue)?.ToString();
            if (description is { Length: > MaxDescriptionLength })
            {
                errors.MaxLength(FormErrors.Join(entryPath, "description"), MaxDescriptionLength);
            }

            if (files.FirstOrDefault(f => f.Index == id) is { } file)
            {
                result.Add(Upload(file, (entry["filename"] as JsonValue)?.ToString(), description, channelId, ephemeral, state, pending));
            }
            else if (existing?.OfType<JsonObject>().FirstOrDefault(a => (string?)a["id"] == id) is { } kept)
            {
                var copy = (JsonObject)kept.DeepClone();
                if (description is not null)
                {
                    copy["description"] = description;
                }

                result.Add(copy);
            }
            else
            {
                errors.Add(entryPath, "ATTACHMENT_NOT_FOUND", "Attachment data not found");
            }
        }

        return result;
    }

    private static JsonObject Upload(UploadedFile file, string? filename, string? description, string channelId, bool ephemeral, FakeDiscordState state, List<PendingFile> pending)
    {
        var id = state.Ids.Next();
        var name = string.IsNullOrEmpty(filename) ? file.Filename : filename;
        var url = new Uri(state.BaseUrl, $"attachments/{channelId}/{id}/{Uri.EscapeDataString(name)}").ToString();
        var attachment = new JsonObject
        {
            ["id"] = id,
            ["filename"] = name,
            ["size"] = (long)file.Content.Length,
            ["url"] = url,
            ["proxy_url"] = url,
            ["content_type"] = file.ContentType,
        };
        if (description is not null)
        {
            attachment["description"] = description;
        }

        if (PngSize(file.Content) is var (width, height))
        {
            attachment["width"] = width;
            attachment["height"] = height;
        }

        if (ephemeral)
        {
            attachment["ephemeral"] = true;
        }

        pending.Add(new PendingFile(id, file.Content));
        return attachment;
    }

    private static string? Id(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.GetValue<long>().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Width and height from a PNG's IHDR chunk, as Discord reports them for images.</summary>
    private static (int Width, int Height)? PngSize(byte[] content) =>
        content.Length >= 24 && content.AsSpan(0, 8).SequenceEqual(PngSignature)
            ? (BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(20, 4)))
            : null;

    [GeneratedRegex(@"^files\[(\d+)\]$")]
    private static partial Regex FilePart();
}
