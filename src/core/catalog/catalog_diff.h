#pragma once
// What changed in a gateway's model list between two syncs: models added or removed, prices,
// context windows and capabilities. The Models page marks these rows so an operator re-checks a
// mapping whose other side moved.

#include "catalog/catalog.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace gw {

enum CatalogChange : quint32 {
    CatalogUnchanged = 0,
    CatalogAdded = 1u << 0,
    CatalogRemoved = 1u << 1,
    CatalogPriceChanged = 1u << 2,      // prompt or completion price per token
    CatalogContextChanged = 1u << 3,    // context window or max output tokens
    CatalogCapabilityChanged = 1u << 4, // reasoning or tool support
};
using CatalogChanges = quint32;

struct CatalogDiff {
    QHash<QString, CatalogChanges> changes; // model id -> what changed; unchanged ids are absent
    int added = 0;
    int removed = 0;
    int priceChanged = 0;
    int contextChanged = 0;
    int capabilityChanged = 0;

    CatalogChanges changesOf(const QString &id) const { return changes.value(id, CatalogUnchanged); }
    bool isEmpty() const { return changes.isEmpty(); }
};

CatalogDiff diffCatalogs(const Catalog &before, const Catalog &after);

// Stable English keywords ("added", "removed", "price", "context", "capabilities"), for JSON and tests.
QStringList catalogChangeKeywords(CatalogChanges changes);

} // namespace gw
