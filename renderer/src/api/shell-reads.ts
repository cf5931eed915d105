import { askEarly } from './early';

// What the shell cannot show itself without: RecoveryGate, SettingsProvider and PlanProvider (same inputs as theirs).
askEarly('app.recovery', {});
askEarly('settings.get', {});
askEarly('plans.list', {});
