// English texts of administration and reports.
export const adminEn = {
  'admin.agents': 'Agents',
  'admin.groups': 'Groups',
  'admin.skills': 'Skills',
  'admin.queues': 'Queues',
  'admin.reasons': 'Not-ready reasons',
  'admin.dispositions': 'Dispositions',
  'admin.flows': 'Flows',
  'admin.entryPoints': 'Entry points',
  'admin.users': 'Users',
  'reports.title': 'Reports',
  'reports.queues': "Today's queues",
  'reports.agentStates': 'Agent state durations today',
  'reports.csv': 'Download CSV',
  'reports.minutes': 'minutes',
};
