using CasesPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CasesPortal.Features.Cases.Services;

/// <summary>Looks up how people are shown (display name, email) for a set of account ids, in one query.</summary>
public static class PeopleDirectory
{
    public static async Task<Dictionary<string, PersonRef>> LoadAsync(CasesDbContext db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Users.Where(u => wanted.Contains(u.Id))
            .Select(u => new PersonRef(u.Id, u.Email!, u.DisplayName))
            .ToDictionaryAsync(p => p.UserId, ct);
    }

    public static PersonRef Resolve(Dictionary<string, PersonRef> people, string id) =>
        people.TryGetValue(id, out var person) ? person : new PersonRef(id, "", "Former account");
}
