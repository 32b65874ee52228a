import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import type { SsoProviderConfig } from '../../common/config.js';
import { Me } from './me.type.js';
import { SSO_PATH, SsoFailure, ssoFailureMessage } from './sso.service.js';

registerEnumType(SsoFailure, {
  name: 'SsoFailure',
  description: '以單一登入登入失敗的原因（登入頁由網址的 failure 參數得知）',
});

@ObjectType({ description: '單一登入的識別服務（OpenID Connect），例如臺北市校園單一身分驗證、教育雲' })
export class SignInProvider {
  constructor(private readonly provider: SsoProviderConfig) {}

  @Field(() => ID, { description: '設定中的代號，例如 tpe' })
  get id(): string {
    return this.provider.id;
  }

  @Field({ description: '登入按鈕上的名稱' })
  get label(): string {
    return this.provider.label;
  }

  @Field({ description: '開始以此服務登入的網址（瀏覽器前往；可加 ?return=#/… 指定登入後的頁面）' })
  get startPath(): string {
    return `${SSO_PATH}/${this.provider.id}/start`;
  }
}

@Resolver()
export class SsoResolver {
  @Query(() => [SignInProvider], { description: '除帳號密碼外，可用來登入的識別服務' })
  signInProviders(@Ctx() ctx: AppContext): SignInProvider[] {
    return ctx.services.sso.providers.map((provider) => new SignInProvider(provider));
  }

  @Query(() => String, {
    nullable: true,
    description: '以單一登入登入失敗時給使用者看的說明；沒有這個識別服務時為 null',
  })
  signInFailureMessage(
    @Arg('provider', () => ID) providerId: string,
    @Arg('failure', () => SsoFailure) failure: SsoFailure,
    @Ctx() ctx: AppContext,
  ): string | null {
    const provider = ctx.services.sso.provider(providerId);
    return provider ? ssoFailureMessage(failure, provider.label) : null;
  }
}

@Resolver(() => Me)
export class SsoViewerResolver {
  @FieldResolver(() => SignInProvider, {
    nullable: true,
    description: '這次登入經由的識別服務；以帳號密碼登入時為 null',
  })
  signedInWith(@Root() me: Me, @Ctx() ctx: AppContext): SignInProvider | null {
    const provider = me.viewer.signInProvider ? ctx.services.sso.provider(me.viewer.signInProvider) : null;
    return provider ? new SignInProvider(provider) : null;
  }
}
