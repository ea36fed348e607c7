using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrepBot.Discord.Models;

namespace PrepBot.Discord.Rest;

/// <summary>A request body: the JSON, and the files that make it <c>multipart/form-data</c> (JSON as <c>payload_json</c>).</summary>
internal sealed record Payload(byte[] Json, IReadOnlyList<FileUpload> Files)
{
    /// <summary>
    /// Serializes <paramref name="body"/> for an upload of <paramref name="files"/>. Unless the body lists its
    /// <c>attachments</c> itself, one entry per file (<c>id</c> n of <c>files[n]</c>, filename, description) is added — at the
    /// top level, or inside <c>data</c> for an interaction callback (<paramref name="inData"/>).
    /// </summary>
    public static Payload WithFiles(object body, IReadOnlyList<FileUpload> files, bool inData)
    {
        var json = JsonSerializer.SerializeToNode(body, body.GetType(), DiscordJson.Options)!.AsObject();
        if (files.Count > 0)
        {
            var target = json;
            if (inData)
            {
                target = json["data"] as JsonObject ?? [];
                json["data"] = target;
            }

            if (target["attachments"] is null)
            {
                var attachments = new JsonArray();
                for (var i = 0; i < files.Count; i++)
                {
                    var entry = new JsonObject
                    {
                        ["id"] = i.ToString(CultureInfo.InvariantCulture),
                        ["filename"] = files[i].Filename,
                    };
                    if (files[i].Description is { } description)
                    {
                        entry["description"] = description;
                    }

                    attachments.Add(entry);
                }

                target["attachments"] = attachments;
            }
        }

        return new Payload(JsonSerializer.SerializeToUtf8Bytes(json, DiscordJson.Options), files);
    }
}
