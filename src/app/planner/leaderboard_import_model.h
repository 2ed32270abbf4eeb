#pragma once
// The imported leaderboards as a table: the rows of the last file imported for each gateway
// (OpenRouter's app rankings, Vercel's leaderboard export), by gateway then rank, with our own
// row marked. DisplayRole is the page's text (the shared number formatter); ValueRole holds the
// raw number (rank, tokens) or flag (ours).

#include "planner/leaderboard_plan.h"

#include <QAbstractTableModel>
#include <QList>

namespace gw::app {

class LeaderboardImportModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Gateway, Rank, App, RankedBy, Tokens, Ours, ColumnCount };
    static constexpr int ValueRole = Qt::UserRole;

    explicit LeaderboardImportModel(QObject *parent = nullptr);

    // Replaces the rows of `gateway`; the other gateway's stay.
    void setRows(gw::Gateway gateway, const QList<gw::LeaderboardRow> &rows);
    int rowOf(gw::Gateway gateway, const QString &name) const; // -1 when not imported

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        gw::Gateway gateway = gw::Gateway::OpenRouter;
        gw::LeaderboardRow row;
    };
    QList<Row> m_rows; // OpenRouter's first, each gateway's by rank
};

} // namespace gw::app
