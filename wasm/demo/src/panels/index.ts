// The panels, in page order. A panel appears here once its module's facade is in @avalo/core.
import type { ComponentType } from 'react';
import { RevenuePanel } from './Revenue';
import { MessagePanel } from './Message';
import { UploadPanel } from './Upload';
import { RateLimitPanel } from './RateLimit';
import { LaunchPanel } from './Launch';
import { FlagsPanel } from './Flags';
import { DiscoveryPanel } from './Discovery';
import { SecurityPanel } from './Security';
import { HealthPanel } from './Health';
import { AdmissionPanel } from './Admission';
import { ModerationPanel } from './Moderation';
import { LedgerPanel } from './Ledger';
import { ReleasePanel } from './Release';

export interface PanelEntry {
  id: string;
  title: string;
  Panel: ComponentType;
}

export const PANELS: PanelEntry[] = [
  { id: 'admission', title: 'Signup and admission', Panel: AdmissionPanel },
  { id: 'launch', title: 'Region launch dashboard', Panel: LaunchPanel },
  { id: 'revenue', title: 'Revenue calculator', Panel: RevenuePanel },
  { id: 'message', title: 'Message price preview', Panel: MessagePanel },
  { id: 'upload', title: 'Upload checker', Panel: UploadPanel },
  { id: 'ratelimit', title: 'Rate-limit simulator', Panel: RateLimitPanel },
  { id: 'flags', title: 'Flag inspector', Panel: FlagsPanel },
  { id: 'discovery', title: 'Discovery', Panel: DiscoveryPanel },
  { id: 'security', title: 'Security', Panel: SecurityPanel },
  { id: 'health', title: 'Health and alerts', Panel: HealthPanel },
  { id: 'release', title: 'Release gate', Panel: ReleasePanel },
  { id: 'moderation', title: 'Moderation', Panel: ModerationPanel },
  { id: 'ledger', title: 'Ledger explorer', Panel: LedgerPanel },
];
