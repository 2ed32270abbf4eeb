#include "catalog/catalog_diff.h"

namespace gw {

namespace {

CatalogChanges compareModels(const CatalogModel &before, const CatalogModel &after)
{
    CatalogChanges changes = CatalogUnchanged;
    // Prices are compared exactly: both come from the same decimal strings of the same gateway,
    // so any difference is a real price change, not rounding.
    if (before.hasPricing != after.hasPricing || before.pricePromptPerToken != after.pricePromptPerToken
        || before.priceCompletionPerToken != after.priceCompletionPerToken)
        changes |= CatalogPriceChanged;
    if (before.contextLength != after.contextLength || before.maxOutputTokens != after.maxOutputTokens)
        changes |= CatalogContextChanged;
    if (before.reasoning != after.reasoning || before.tools != after.tools)
        changes |= CatalogCapabilityChanged;
    return changes;
}

} // namespace

CatalogDiff diffCatalogs(const Catalog &before, const Catalog &after)
{
    CatalogDiff diff;
    for (const CatalogModel &model : after.models) {
        const CatalogModel *old = before.find(model.id);
        const CatalogChanges changes = old ? compareModels(*old, model) : CatalogAdded;
        if (changes == CatalogUnchanged)
            continue;
        diff.changes.insert(model.id, changes);
        diff.added += (changes & CatalogAdded) != 0;
        diff.priceChanged += (changes & CatalogPriceChanged) != 0;
        diff.contextChanged += (changes & CatalogContextChanged) != 0;
        diff.capabilityChanged += (changes & CatalogCapabilityChanged) != 0;
    }
    for (const CatalogModel &model : before.models) {
        if (!after.find(model.id)) {
            diff.changes.insert(model.id, CatalogRemoved);
            ++diff.removed;
        }
    }
    return diff;
}

QStringList catalogChangeKeywords(CatalogChanges changes)
{
    QStringList words;
    if (changes & CatalogAdded)
        words << QStringLiteral("added");
    if (changes & CatalogRemoved)
        words << QStringLiteral("removed");
    if (changes & CatalogPriceChanged)
        words << QStringLiteral("price");
    if (changes & CatalogContextChanged)
        words << QStringLiteral("context");
    if (changes & CatalogCapabilityChanged)
        words << QStringLiteral("capabilities");
    return words;
}

} // namespace gw
