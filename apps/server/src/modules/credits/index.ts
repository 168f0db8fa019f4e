/**
 * Credits (capability 6): issuance of verified reductions as serial ranges per project and vintage,
 * accounts, transfers, retirements, the national-registry export and its acknowledgement. It owns no
 * crediting maths (packages/methodology calculateCrediting, stored in each run) and no verification
 * (it reads verified submissions through modules/verification).
 */
export { createCreditsService, type CreditsService } from './credits.service.ts';
export { serialRange } from './serials.ts';
