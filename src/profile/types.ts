/** A country's assessment against one framework, as written in its YAML profile. */
export interface Profile {
  country: string;
  name: string;
  framework: string;
  assessed: string;
  status: 'draft' | 'reviewed';
  basedOn?: string;
  assessors?: { name: string; organisation?: string; role?: string }[];
  laws?: Record<string, Law>;
  provisions: Record<string, ProvisionAnswer>;
}

export interface Law {
  title: string;
  year?: number;
  inForce?: string;
  url?: string;
  /** Akoma Ntoso FRBR work URI or ELI, where the publisher gives one. */
  identifier?: string;
  repealedBy?: string;
  notes?: string;
}

export interface Evidence {
  law: string;
  section?: string;
  quote?: string;
  url?: string;
  elements?: string[];
  confidence: 'sourced' | 'inferred';
  checked: string;
  source?: string;
}

export interface PendingBill {
  bill: string;
  stage?: string;
  url?: string;
  checked?: string;
  notes?: string;
}

export interface ProvisionAnswer {
  answer?: string;
  elements?: Record<string, string>;
  evidence?: Evidence[];
  notes?: string;
  pending?: PendingBill[];
}

/** A profile read from disk, with the file it came from. */
export interface LoadedProfile {
  file: string;
  profile: Profile;
}
