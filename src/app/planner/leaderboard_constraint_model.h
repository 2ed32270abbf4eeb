#pragma once
// The leaderboard plan's bounds as a table: one row per bound on the Vercel share (OpenRouter
// tokens, Vercel tokens, Vercel spend, traffic fixed on Vercel, the most the default share can
// move), whether it is a lower or an upper bound, its share (with the safety margin),
// and which bounds set the range. DisplayRole is the page's text (the shared number formatter);
// ValueRole holds the raw number (percent) or flag.

#include "planner/leaderboard_plan.h"

#include <QAbstractTableModel>
#include <QList>

namespace gw::app {

class LeaderboardConstraintModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Bound, Direction, SharePercent, Binding, ColumnCount };
    static constexpr int ValueRole = Qt::UserRole;    // SharePercent: double; Binding: bool; Direction: bool upper
    static constexpr int KindRole = Qt::UserRole + 1; // int(gw::ShareConstraint::Kind), every column

    explicit LeaderboardConstraintModel(QObject *parent = nullptr);

    void setPlan(const gw::LeaderboardPlan &plan); // replaces every row
    void clear();
    int rowOf(gw::ShareConstraint::Kind kind) const; // -1 when the plan has no such bound

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        gw::ShareConstraint constraint;
        bool binding = false;
    };
    QList<Row> m_rows;
};

QString shareConstraintDisplayName(gw::ShareConstraint::Kind kind);

} // namespace gw::app
